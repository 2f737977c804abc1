import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { button, machineAction, openActivity, row } from './support/ui';

// The demo does not write hundreds of megabytes into the person's folders, and says what it writes.
test.describe('the demo, with the simulator’s own export sizes', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_EXPORT_SCALE: '' } } });

  test('writes a small stand-in file and says so in the export dialog', async ({ page, host }) => {
    const target = join(host.home, 'alpine.tar.zst');
    await row(page, 'alpine').click();
    await (await machineAction(page, 'alpine', 'Export')).click();
    const dialog = page.getByRole('dialog', { name: 'Export “alpine”' });
    await expect(dialog).toContainText(
      'Demo: the simulator writes a stand-in file, about 100 times smaller than a real export of this machine.',
    );
    await dialog.getByLabel('Save as').fill(target);
    await button(dialog, 'Export').click();
    await openActivity(page);
    const done = page.getByRole('region', { name: 'Activity' }).getByRole('listitem', {
      name: 'Export alpine to alpine.tar.zst',
    });
    await expect(done).toContainText('Done', { timeout: 20_000 });
    // alpine's disk is about 200 MB: a real export would be some 80 MB.
    expect(statSync(target).size).toBeLessThan(5 * 1024 ** 2);
  });
});

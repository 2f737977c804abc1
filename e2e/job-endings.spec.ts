import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { button, machineAction, row } from './support/ui';

// Long work that succeeds says so: one passing line naming what happened and where, with the file at hand.
test.describe('an export that takes a while', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'slow:export:3500' } } });

  test('ends with a message naming the machine, the file and its size, and a way to the file', async ({
    page,
    host,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const out = join(host.home, 'out');
    mkdirSync(out);
    const target = join(out, 'alpine.tar.zst');
    await row(page, 'alpine').click();
    await (await machineAction(page, 'alpine', 'Export')).click();
    const dialog = page.getByRole('dialog', { name: 'Export “alpine”' });
    await dialog.getByLabel('Save as').fill(target);
    await button(dialog, 'Export').click();
    const said = page.locator('.toasts').getByRole('status').filter({ hasText: 'Exported alpine' });
    await expect(said).toHaveText(/Exported alpine to alpine\.tar\.zst, \d+(\.\d)? [kMG]B/, {
      timeout: 20_000,
    });
    await button(said, 'Copy Path').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(target);
    await expect(said).toBeHidden();
  });
});

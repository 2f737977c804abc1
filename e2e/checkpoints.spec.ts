import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, details, openActivity, row } from './support/ui';

// Saving, reverting and deleting checkpoints from the details pane, against the simulator.
const history = async (page: Page) => {
  await openActivity(page);
  return page.getByRole('region', { name: 'Activity' }).getByRole('list', { name: 'History' });
};
const section = (page: Page, machine: string) =>
  details(page, machine).getByRole('region', { name: 'Checkpoints' });

test('saves, reverts to and deletes a checkpoint', async ({ page, host }) => {
  test.slow(); // three jobs one after another, each a copy of a disk in the simulator
  await row(page, 'debian').click();
  await details(page, 'debian').getByRole('tab', { name: 'Checkpoints' }).click();
  const checkpoints = section(page, 'debian');
  await expect(checkpoints).toContainText('none yet');
  await expect(checkpoints).toContainText(
    'OrbStack’s own app and orbctl show checkpoints as ordinary stopped machines',
  );

  await button(checkpoints, 'Save Checkpoint…').click();
  const save = page.getByRole('dialog', { name: 'Save Checkpoint of “debian”' });
  await expect(save.getByLabel('Label')).not.toHaveValue('');
  await save.getByLabel('Label').fill('before the upgrade');
  await button(save, 'Save Checkpoint').click();
  await expect(
    (await history(page)).getByRole('listitem', { name: 'Save checkpoint “before the upgrade” of debian' }),
  ).toContainText('Done', { timeout: 15_000 });
  await page.keyboard.press('Escape'); // put the Activity popover away
  await expect(checkpoints).toContainText('1 checkpoint');
  await expect(checkpoints.getByRole('listitem', { name: /before the upgrade/ })).toBeVisible();
  const saved = JSON.parse(host.sim('list', '-f', 'json').stdout) as Array<{ name: string; state: string }>;
  const cp = saved.find((m) => m.name.startsWith('debian--cp-'))!;
  expect(cp.state).toBe('stopped');

  // Something changes on the machine; the revert brings the old disk back and keeps the new one aside.
  host.sim('__sim', 'set', 'debian', 'username=changed');
  const before = JSON.parse(host.sim('info', 'debian', '-f', 'json').stdout).record.id as string;
  await row(page, 'debian').click();
  await button(checkpoints, 'Revert to before the upgrade').click();
  const revert = page.getByRole('dialog', { name: 'Revert “debian” to a Checkpoint?' });
  await expect(revert).toContainText('keep its current state as a new checkpoint');
  await button(revert, 'Revert').click();
  await expect(
    (await history(page)).getByRole('listitem', { name: 'Revert debian to checkpoint “before the upgrade”' }),
  ).toContainText('Done', { timeout: 20_000 });
  await page.keyboard.press('Escape'); // put the Activity popover away
  const after = JSON.parse(host.sim('info', 'debian', '-f', 'json').stdout).record;
  expect(after.id).not.toBe(before);
  expect(after.config.default_username).not.toBe('changed');
  await row(page, 'debian').click();
  await expect(checkpoints).toContainText('2 checkpoints');
  const aside = checkpoints.getByRole('listitem', { name: /Before revert to “before the upgrade”/ });
  await expect(aside).toBeVisible();

  // Deleting asks first, naming the checkpoint.
  await button(checkpoints, 'Delete Before revert to “before the upgrade”').click();
  const del = page.getByRole('dialog', {
    name: 'Delete Checkpoint “Before revert to “before the upgrade””?',
  });
  await expect(del).toContainText('cannot be undone');
  await button(del, 'Delete Checkpoint').click();
  await expect(checkpoints).toContainText('1 checkpoint', { timeout: 15_000 });
  await expect(aside).toHaveCount(0);
  const names = (JSON.parse(host.sim('list', '-f', 'json').stdout) as Array<{ name: string }>).map(
    (m) => m.name,
  );
  expect(names.filter((n) => n.startsWith('debian--cp-'))).toEqual([cp.name]);
});

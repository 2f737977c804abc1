import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, details, machineTable, row } from './support/ui';

// Every count (title, sidebar, menu labels, ⌘A) comes from the list the rows come from: checkpoints sit under
// their machine and are counted apart.
const sidebarCount = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: new RegExp(`^${label}`) });
const rows = (page: Page) => machineTable(page).locator('[data-machine]');

test('with a checkpoint, the title, the sidebar, ⌘A and the context menu count the rows shown', async ({
  page,
}) => {
  await row(page, 'debian').click();
  await details(page, 'debian').getByRole('tab', { name: 'Checkpoints' }).click();
  await button(
    details(page, 'debian').getByRole('region', { name: 'Checkpoints' }),
    'Save Checkpoint…',
  ).click();
  const save = page.getByRole('dialog', { name: 'Save Checkpoint of “debian”' });
  await button(save, 'Save Checkpoint').click();
  await expect(row(page, 'debian')).toContainText('1 checkpoint', { timeout: 15_000 });

  await expect(page.getByRole('banner')).toContainText('7 machines, 3 running · 1 checkpoint');
  await expect(sidebarCount(page, 'All Machines')).toHaveText(/7$/);
  await expect(sidebarCount(page, 'Stopped')).toHaveText(/4$/);
  await sidebarCount(page, 'Stopped').click();
  await expect(rows(page)).toHaveCount(4);
  await row(page, 'alpine').click();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('complementary', { name: '4 machines selected' })).toBeVisible();
  await row(page, 'alpine').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Start 4 Machines', exact: true })).toBeVisible();
});

test('a machine a person named like a checkpoint is an ordinary machine, listed and counted', async ({
  page,
  host,
}) => {
  expect(host.sim('__sim', 'add', 'ubuntu--cp-20260101-000000', 'ubuntu', 'state=stopped').status).toBe(0);
  await expect(row(page, 'ubuntu--cp-20260101-000000')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('banner')).toContainText('8 machines, 3 running');
  await expect(page.getByRole('banner')).not.toContainText('checkpoint');
  await expect(sidebarCount(page, 'Stopped')).toHaveText(/5$/);
  await expect(row(page, 'ubuntu')).not.toContainText('checkpoint');
});

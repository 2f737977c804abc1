import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, details, machineAction, row } from './support/ui';

// What was set can be seen: Info shows each limit, and Change Limits… opens with the current values.
const info = (page: Page, name: string, label: string) =>
  details(page, name)
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=..');

test('a machine created with limits shows them in Info, and Change Limits… starts from them', async ({
  page,
  host,
}) => {
  await button(page, 'New Machine').click();
  const create = page.getByRole('dialog', { name: 'New Machine' });
  await create.getByLabel('Name').fill('webapi');
  await create.getByLabel('CPUs').fill('2');
  await create.getByLabel('Memory').fill('4G');
  await create.getByLabel('Disk').fill('64G');
  await button(create, 'Create').click();
  await expect(row(page, 'webapi')).toContainText('Running', { timeout: 15_000 });
  await button(row(page, 'webapi'), 'Stop').click();
  await expect(row(page, 'webapi')).toContainText('Stopped', { timeout: 15_000 });

  await row(page, 'webapi').click();
  await expect(info(page, 'webapi', 'CPUs')).toContainText('2');
  await expect(info(page, 'webapi', 'Memory')).toContainText('4 GB');
  await expect(info(page, 'webapi', 'Disk limit')).toContainText('64 GB');
  await row(page, 'debian').click();
  await expect(info(page, 'debian', 'CPUs')).toContainText('No limit');

  await row(page, 'webapi').click();
  await (await machineAction(page, 'webapi', 'Change Limits')).click();
  const dialog = page.getByRole('dialog', { name: 'Change Limits of “webapi”' });
  await expect(dialog.getByLabel('CPUs')).toHaveValue('2');
  await expect(dialog.getByLabel('Memory')).toHaveValue('4G');
  await expect(dialog.getByLabel('Disk')).toHaveValue('64G');
  await expect(button(dialog, 'Change Limits')).toBeDisabled();
  await dialog.getByLabel('CPUs').fill('3');
  await button(dialog, 'Change Limits').click();
  await expect(dialog).toBeHidden();
  await expect(info(page, 'webapi', 'CPUs')).toContainText('3', { timeout: 15_000 });
  expect(host.sim('config', 'get', 'machine.webapi.cpu').stdout.trim()).toBe('3');
  expect(host.sim('config', 'get', 'machine.webapi.memory_mib').stdout.trim()).toBe('4096');
});

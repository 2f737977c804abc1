import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, row } from './support/ui';

// A finished action's result shows in its row as soon as orbctl returns, before any list has read it: here
// every `orbctl list` from the click on fails, and the polls are a minute apart, so only the action's own
// answer can change the row. The first list read again confirms it.
test.use({ hostOptions: { env: { ORBDECK_POLL_MS: '60000' } } });

const unconfirmed = (page: Page, name: string) => row(page, name).getByLabel('not yet confirmed');
const listFails = 'fail:list:1:the list could not be read';

test('a start and a rename show at once, marked as not yet confirmed, until a list confirms them', async ({
  page,
  host,
}) => {
  await expect(row(page, 'alpine')).toContainText('Stopped');
  expect(host.sim('__sim', 'fault', listFails).status).toBe(0);

  await button(row(page, 'alpine'), 'Start').click();
  await expect(row(page, 'alpine')).toContainText('Running', { timeout: 15_000 });
  await expect(unconfirmed(page, 'alpine')).toBeVisible();
  await expect(unconfirmed(page, 'debian')).toHaveCount(0);

  await row(page, 'debian').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Rename/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill('debian-renamed');
  await button(dialog, 'Rename').click();
  await expect(row(page, 'debian-renamed')).toContainText('Stopped', { timeout: 15_000 });
  await expect(unconfirmed(page, 'debian-renamed')).toBeVisible();
  await expect(row(page, 'debian')).toHaveCount(0);
  // The renamed row is acted on by its new name.
  await row(page, 'debian-renamed').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /^Rename/ })).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh' })).toBeVisible();

  // orbctl answers `list` again; Refresh reads it, and it confirms both.
  expect(host.sim('__sim', 'fault').status).toBe(0);
  await page.keyboard.press('Control+r');
  await expect(unconfirmed(page, 'alpine')).toHaveCount(0);
  await expect(unconfirmed(page, 'debian-renamed')).toHaveCount(0);
  await expect(row(page, 'alpine')).toContainText('Running');
  await expect(row(page, 'debian-renamed')).toContainText('Stopped');
});

test('a deleted machine leaves the list when orbctl returns', async ({ page, host }) => {
  await expect(row(page, 'nixos')).toBeVisible();
  expect(host.sim('__sim', 'fault', listFails).status).toBe(0);
  await row(page, 'nixos').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  await button(page.getByRole('dialog'), 'Delete nixos').click();
  await expect(row(page, 'nixos')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Could not refresh' })).toBeVisible();
});

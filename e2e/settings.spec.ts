import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { button } from './support/ui';

test('changes settings, refuses bad values, and keeps them across a reload', async ({ page, host }) => {
  await button(page, 'Settings').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Refresh every (seconds)').fill('0.1');
  await button(dialog, 'Save').click();
  await expect(dialog.getByText('Invalid pollIntervalMs: at least 1 second.')).toBeVisible();

  await dialog.getByLabel('Refresh every (seconds)').fill('5');
  await dialog.getByLabel('Export folder').fill(host.home);
  await dialog.getByLabel(/Notify me/).uncheck();
  await button(dialog, 'Save').click();
  await expect(dialog).toBeHidden();
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8'));
  expect(saved).toMatchObject({ pollIntervalMs: 5000, exportFolder: host.home, notifications: false });

  await page.reload();
  await page.keyboard.press('Control+,');
  await expect(
    page.getByRole('dialog', { name: 'Settings' }).getByLabel('Refresh every (seconds)'),
  ).toHaveValue('5');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel(/Notify me/)).not.toBeChecked();
});

test('a saved orbctl path does not override ORBDECK_ORBCTL, as documented', async ({ page }) => {
  await button(page, 'Settings').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('orbctl')).toHaveAttribute('placeholder', /Found: .*orbctl-sim/);
  await dialog.getByLabel('orbctl').fill('/nowhere/orbctl');
  await button(dialog, 'Save').click();
  await expect(page.getByRole('row', { name: 'ubuntu', exact: true })).toBeVisible();
});

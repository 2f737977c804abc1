import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { SIM_BIN } from './support/host';
import { button } from './support/ui';

test('applies settings as they change, says what did not apply, and keeps them across a reload', async ({
  page,
  host,
}) => {
  await button(page, 'Settings').click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Refresh every (seconds)').fill('0.1');
  await dialog.getByLabel('Refresh every (seconds)').press('Enter');
  await expect(dialog.getByText('Not applied: Invalid pollIntervalMs: at least 1 second.')).toBeVisible();

  await dialog.getByLabel('Refresh every (seconds)').fill('5');
  await dialog.getByLabel('Refresh every (seconds)').press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Refresh interval: applied.');
  await dialog.getByLabel(/Notify me/).uncheck();
  await expect(dialog.getByRole('status')).toHaveText(/Notify me .*: applied\./);
  // Applied before the sheet is closed.
  await expect
    .poll(() => JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8')).notifications)
    .toBe(false);
  await dialog.getByLabel('Export folder').fill(host.home);
  await button(dialog, 'Done').click();
  await expect(dialog).toBeHidden();
  const saved = JSON.parse(readFileSync(join(host.dataDir, 'settings.json'), 'utf8'));
  expect(saved).toMatchObject({ pollIntervalMs: 5000, exportFolder: host.home, notifications: false });

  await page.reload();
  // The window draws once the list is in (renderer/main.tsx); a shortcut pressed before that has no window.
  await expect(page.getByRole('row', { name: 'ubuntu', exact: true })).toBeVisible();
  await page.keyboard.press('Control+,');
  await expect(
    page.getByRole('dialog', { name: 'Settings' }).getByLabel('Refresh every (seconds)'),
  ).toHaveValue('5');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel(/Notify me/)).not.toBeChecked();
});

test.describe('with ORBDECK_ORBCTL set', () => {
  test.use({ hostOptions: { demo: false, env: { ORBDECK_ORBCTL: SIM_BIN } } });

  test('says that the variable wins instead of offering a choice', async ({ page }) => {
    await expect(page.getByRole('row', { name: 'ubuntu', exact: true })).toBeVisible();
    await button(page, 'Settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toContainText(`In use: ${SIM_BIN}`);
    await expect(dialog).toContainText('The ORBDECK_ORBCTL environment variable names');
    await expect(dialog.getByRole('button', { name: 'Use This orbctl' })).toHaveCount(0);
  });
});

test.describe('without ORBDECK_ORBCTL', () => {
  test.use({ hostOptions: { demo: false } });

  test('chooses orbctl in Settings and finds it automatically again', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'OrbStack’s orbctl was not found' })).toBeVisible();
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill(SIM_BIN);
    await button(page, 'Use This orbctl').click();
    await expect(page.getByRole('row', { name: 'ubuntu', exact: true })).toBeVisible();
    await button(page, 'Settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toContainText(`In use: ${SIM_BIN}`);
    await expect(dialog).toContainText('chosen here');
    await button(dialog, 'Find orbctl Automatically').click();
    await expect(page.getByRole('heading', { name: 'OrbStack’s orbctl was not found' })).toBeVisible();
  });
});

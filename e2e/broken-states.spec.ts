import { SIM_BIN } from './support/host';
import { expect, test } from './support/fixtures';
import { button, row } from './support/ui';

test.describe('without orbctl', () => {
  test.use({ hostOptions: { demo: false } });

  test('says orbctl was not found, where it looked, and lets the user point at it', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'OrbStack’s orbctl was not found' })).toBeVisible();
    await page.getByText('Details').click();
    await expect(page.getByText('/opt/homebrew/bin/orbctl').first()).toBeVisible();
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill(SIM_BIN);
    await button(page, 'Use This orbctl').click();
    await expect(row(page, 'ubuntu')).toBeVisible();
  });

  test('refuses a path that is not an orbctl it can run', async ({ page }) => {
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill('relative/orbctl');
    await button(page, 'Use This orbctl').click();
    await expect(page.getByText('Invalid orbctlPath: must be an absolute path.')).toBeVisible();
  });
});

test.describe('OrbStack not running', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: '' } } });

  test('says so and starts OrbStack on request', async ({ page, host }) => {
    host.sim('__sim', 'fault', 'not-running');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'OrbStack is not running' })).toBeVisible();
    host.sim('__sim', 'fault');
    await button(page, 'Start OrbStack').click();
    await expect(row(page, 'ubuntu')).toBeVisible();
  });
});

import { SIM_BIN } from './support/host';
import { expect, test } from './support/fixtures';
import { button, row } from './support/ui';

test.describe('without orbctl', () => {
  test.use({ hostOptions: { demo: false } });

  test('says orbctl was not found, where it looked, and lets the user point at it', async ({ page }) => {
    await expect(page.getByRole('heading', { name: 'OrbStack’s orbctl was not found' })).toBeVisible();
    await page.getByText('Details').click();
    await expect(page.getByText('/opt/homebrew/bin/orbctl').first()).toBeVisible();
    // Nothing could be created or imported without it: the toolbar says so instead of failing later.
    await expect(button(page, 'New Machine')).toBeDisabled();
    await expect(button(page, 'New Machine')).toHaveAttribute(
      'title',
      'orbctl was not found: choose it in Settings',
    );
    await expect(button(page, 'Import…')).toBeDisabled();
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill(SIM_BIN);
    await button(page, 'Use This orbctl').click();
    await expect(row(page, 'ubuntu')).toBeVisible();
    await expect(button(page, 'New Machine')).toBeEnabled();
  });

  test('refuses a path that is not an orbctl it can run', async ({ page }) => {
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill('relative/orbctl');
    await button(page, 'Use This orbctl').click();
    await expect(page.getByText('Give the full path, starting with /.').first()).toBeVisible();
  });

  test('keeps only a program that answers like orbctl, so a page cannot make OrbDeck run anything', async ({
    page,
  }) => {
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill('/bin/rm');
    await button(page, 'Use This orbctl').click();
    await expect(
      page.getByText('did not answer “version” as orbctl does, so OrbDeck did not save it as orbctl.'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'OrbStack’s orbctl was not found' })).toBeVisible();
  });
});

test.describe('a saved orbctl that no longer answers like orbctl', () => {
  test.use({ hostOptions: { demo: false, settings: { orbctlPath: '/bin/echo' } } });

  test('is not run at the next start: the not-found screen says why and offers the choice again', async ({
    page,
  }) => {
    await expect(page.getByRole('heading', { name: 'OrbStack’s orbctl was not found' })).toBeVisible();
    await expect(
      page.getByText(
        "The orbctl saved in Settings ('/bin/echo') did not answer “version” as orbctl does, so OrbDeck does not run it. Choose orbctl again.",
      ),
    ).toBeVisible();
    await page.getByLabel('Or tell OrbDeck where orbctl is').fill(SIM_BIN);
    await button(page, 'Use This orbctl').click();
    await expect(row(page, 'ubuntu')).toBeVisible();
  });
});

test.describe('OrbStack not running', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: '' } } });

  test('says so, tries to start OrbStack on request, and recovers when it runs again', async ({
    page,
    host,
  }) => {
    host.sim('__sim', 'fault', 'not-running');
    await page.reload();
    const panel = page.getByRole('region', { name: 'OrbStack not running' });
    await expect(panel.getByRole('heading', { name: 'OrbStack is not running' })).toBeVisible();
    // While OrbStack cannot start, Start OrbStack says why instead of pretending.
    await button(panel, 'Start OrbStack').click();
    await expect(panel.getByText('OrbStack is not running and did not start in time.').first()).toBeVisible();
    await panel.getByText('Details').first().click();
    await expect(panel).toContainText('timed out waiting for VM to start');
    // The error shown is Start OrbStack's own (`orbctl start`), not the last poll's (`orbctl list`).
    await expect(panel.locator('code').first()).toHaveText(/orbctl-sim\.mjs start$/);
    // OrbStack runs again (the fault is lifted): the list comes back by itself.
    host.sim('__sim', 'fault');
    await expect(row(page, 'ubuntu')).toBeVisible();
  });
});

import { expect, test } from './support/fixtures';
import { machineAction, row } from './support/ui';

// Actions that need a newer OrbStack are not offered before OrbDeck knows which OrbStack it talks to.
test.describe('while the OrbStack version is still being read', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'slow:version:30000', ORBCTL_SIM_VERSION: '2.1.0' } } });

  test('Change Limits…, Clone… and Import… are disabled, with the reason', async ({ page }) => {
    await row(page, 'alpine').click();
    const waiting = 'Waiting to learn which OrbStack version this is';
    for (const label of ['Change Limits', 'Clone']) {
      const item = await machineAction(page, 'alpine', label);
      await expect(item).toHaveAttribute('aria-disabled', 'true');
      await expect(item).toHaveAttribute('title', waiting);
      await page.keyboard.press('Escape');
    }
    await expect(page.getByRole('button', { name: 'Import…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Import…' })).toHaveAttribute('title', waiting);
  });
});

import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { button, machineTable, row } from './support/ui';

// Rows do not vanish under the hand: rows acted on stay in their view until their action ends, with their
// progress, and then the selection holds only the rows that are still there.
const sidebar = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: new RegExp(`^${label}`) });
const rows = (page: Page) => machineTable(page).locator('[data-machine]');

test.describe('starting every machine of the Stopped view', () => {
  // Starts that take a while (15 s), so the view can be looked at while they run, even on a loaded machine.
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'slow:start:15000' } } });

  test('keeps the rows there while they start, then lets them go and the selection with them', async ({
    page,
  }) => {
    test.slow();
    await sidebar(page, 'Stopped').click();
    await expect(rows(page)).toHaveCount(4);
    await row(page, 'alpine').click();
    await page.keyboard.press('Control+a');
    const selected = page.getByRole('complementary', { name: '4 machines selected' });
    await button(selected, 'Start').click();
    // The list has heard that all four are starting (they count as Changing) ...
    await expect(sidebar(page, 'Changing')).toHaveText(/4$/, { timeout: 15_000 });
    // ... and the Stopped view still shows them, each with what is happening to it.
    await expect(rows(page)).toHaveCount(4);
    for (const name of ['alpine', 'arch-x86', 'debian', 'nixos'])
      await expect(row(page, name)).toContainText('Starting…');
    await expect(sidebar(page, 'Stopped')).toHaveText(/4$/);
    // Once they run, they leave the view, and nothing gone stays selected.
    await expect(sidebar(page, 'Running')).toHaveText(/7$/, { timeout: 45_000 });
    await expect(rows(page)).toHaveCount(0);
    await expect(sidebar(page, 'Stopped')).toHaveText(/0$/);
    await expect(page.getByRole('complementary', { name: /machines selected/ })).toHaveCount(0);
  });
});

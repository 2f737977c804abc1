import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { machineTable, row } from './support/ui';

// The whole header cell sorts, as in Finder, and the headers are reached with Tab and say how they sort.
const header = (page: Page, name: string) => machineTable(page).getByRole('columnheader', { name });
const firstRow = (page: Page) => machineTable(page).locator('[data-machine]').first();

test('a click anywhere in a header cell sorts by that column', async ({ page }) => {
  await expect(firstRow(page)).toHaveAttribute('data-machine', 'alpine');
  const state = header(page, 'State');
  const box = (await state.boundingBox())!;
  // Well right of the label, where a Mac user clicks.
  await page.mouse.click(box.x + box.width - 10, box.y + box.height / 2);
  await expect(state).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstRow(page)).toContainText('Running');
  await page.mouse.click(box.x + box.width - 10, box.y + box.height / 2);
  await expect(state).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRow(page)).toContainText('Stopped');
});

test('the headers are reached with Tab, sort with Return, and say how they sort', async ({ page }) => {
  await row(page, 'ubuntu').click();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Name', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Distro', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(header(page, 'Distro')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header(page, 'Name')).toHaveAttribute('aria-sort', 'none');
  await expect(firstRow(page)).toContainText('Alpine 3.22');
});

import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { button, details, machineAction, row } from './support/ui';

// A row's mark and the inspector's banner are for the machine's own lifecycle; a command's exit code and a copy
// that could not be made are said where they were asked, once.
const failedMark = (page: Page, name: string) => row(page, name).getByLabel(/ failed$/);
const errorToasts = (page: Page) => page.locator('.toasts').getByRole('alert');

test('a command that exits non-zero in several machines marks none of them', async ({ page }) => {
  await row(page, 'fedora').click();
  await row(page, 'web-server').click({ modifiers: ['Control'] });
  const bulk = page.getByRole('complementary', { name: '2 machines selected' });
  await button(bulk, 'Run Command…').click();
  const dialog = page.getByRole('dialog', { name: 'Run Command in 2 Machines' });
  await dialog.getByLabel('Command').fill('ls /no/such/dir');
  await button(dialog, 'Run in 2 Machines').click();
  const runs = dialog.getByRole('table', { name: 'Runs' });
  for (const name of ['fedora', 'web-server']) {
    await expect(runs.getByRole('row', { name: new RegExp(name) })).toContainText(/exited with 2 in/, {
      timeout: 20_000,
    });
  }
  await button(dialog, 'Close').click();
  await expect(dialog).toBeHidden();
  for (const name of ['fedora', 'web-server']) await expect(failedMark(page, name)).toHaveCount(0);
  await row(page, 'fedora').click();
  await expect(details(page, 'fedora')).toBeVisible();
  await expect(details(page, 'fedora').getByRole('alert')).toHaveCount(0);
  await expect(errorToasts(page)).toHaveCount(0);
});

test('a copy from a machine that cannot be made is said once, in its dialog', async ({ page, host }) => {
  const out = join(host.home, 'out');
  mkdirSync(out);
  await row(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Copy File from Machine')).click();
  const dialog = page.getByRole('dialog', { name: 'Copy File from “ubuntu”' });
  await dialog.getByLabel('Path in ubuntu').fill('docs/missing.txt');
  await dialog.getByLabel('Save as').fill(join(out, 'missing.txt'));
  await button(dialog, 'Copy').click();
  await expect(dialog.getByRole('alert')).toContainText("There is no 'docs/missing.txt' in 'ubuntu'.", {
    timeout: 15_000,
  });
  await expect(errorToasts(page)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(failedMark(page, 'ubuntu')).toHaveCount(0);
  await expect(details(page, 'ubuntu').getByRole('alert')).toHaveCount(0);
  await expect(errorToasts(page)).toHaveCount(0);
});

test('a failed start marks its machine until a later start succeeds, which clears it by itself', async ({
  page,
  host,
}) => {
  expect(host.sim('__sim', 'fault', 'fail:start@alpine:1:not enough disk space').status).toBe(0);
  await button(row(page, 'alpine'), 'Start').click();
  await expect(failedMark(page, 'alpine')).toBeVisible({ timeout: 15_000 });
  await row(page, 'alpine').click();
  const banner = details(page, 'alpine').getByRole('alert', { name: 'Start alpine failed' });
  await expect(banner).toBeVisible();
  await expect(button(banner, 'Show Logs')).toBeVisible();

  expect(host.sim('__sim', 'fault').status).toBe(0);
  await button(banner, 'Try Again').click();
  await expect(row(page, 'alpine')).toContainText('Running', { timeout: 15_000 });
  await expect(failedMark(page, 'alpine')).toHaveCount(0);
  await expect(banner).toBeHidden();
});

test.describe('a failed rename', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'fail:rename@debian:1:the disk is busy' } } });

  test('offers the job’s own output, not the machine’s console log', async ({ page }) => {
    await row(page, 'debian').click();
    await (await machineAction(page, 'debian', 'Rename')).click();
    const dialog = page.getByRole('dialog', { name: 'Rename “debian”' });
    await dialog.getByLabel('New name').fill('db-1');
    await button(dialog, 'Rename').click();
    await expect(failedMark(page, 'debian')).toBeVisible({ timeout: 15_000 });
    await row(page, 'debian').click();
    const banner = details(page, 'debian').getByRole('alert', { name: /^Rename debian.* failed$/ });
    await expect(banner).toBeVisible();
    await expect(button(banner, 'Show Logs')).toHaveCount(0);
    await button(banner, 'Show Output').click();
    await expect(banner.getByText('the disk is busy', { exact: true })).toBeVisible();
  });
});

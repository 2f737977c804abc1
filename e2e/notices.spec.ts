import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Host } from './support/host';

// What OrbDeck repaired at start-up reaches the person once, in the window, and stays until dismissed.
test('shows a damaged settings file and damaged history lines as warnings, once', async ({ page }) => {
  const host = new Host();
  try {
    mkdirSync(host.dataDir, { recursive: true });
    writeFileSync(join(host.dataDir, 'settings.json'), '{ "pollIntervalMs": 30');
    writeFileSync(join(host.dataDir, 'history.jsonl'), '{"id":"job-x","kind":"exp');
    await host.start();
    await page.goto(host.url);
    const settings = page
      .getByRole('alert')
      .filter({ hasText: 'Settings: settings.json was not valid JSON' });
    const history = page.getByRole('alert').filter({ hasText: 'History: 1 damaged line could not be read' });
    await expect(settings).toContainText(/the damaged file was kept as settings\.json\.bad-\d{8}-\d{6}\./);
    await expect(history).toContainText(/set aside in history\.jsonl\.bad-\d{8}-\d{6}/);
    await settings.getByRole('button', { name: 'Dismiss' }).click();
    await expect(settings).toBeHidden();
    // Dismissed in the core: a reload shows only the one still standing.
    await page.reload();
    await expect(history).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Settings:' })).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs where an Electron binary exists (a Mac, or Linux with a display and a downloaded runtime); skipped
// elsewhere with the reason.
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
const binary = electronBinary();

test.skip(
  !binary,
  'No Electron binary on this machine (it cannot be downloaded here); the Chromium project covers the UI.',
);

test('opens the window with the demo machines and lists them in the menu-bar menu', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: [root, '--demo'],
    env: { ...process.env, ORBDECK_E2E: '1' },
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('grid', { name: 'Machines' })).toBeVisible();
  const exposed = await window.evaluate(() =>
    Object.keys((window as unknown as { orbdeck: object }).orbdeck),
  );
  expect(exposed.sort()).toEqual(['chooseFile', 'invoke', 'on', 'transport']);
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  );
  await app.close();
});

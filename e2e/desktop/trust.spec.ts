import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppHome } from './support/desktop-app';
import { dropFromDisk } from './support/drop';
import { expect, test } from './support/fixtures';
import { button, row } from '../support/ui';

// The import preview checks an export against the checksum beside it (a real path, as on a Mac).

/** An export made with the simulator's CLI, with a checksum beside it as OrbDeck (or `shasum`) writes it. */
function exportWithChecksum(home: AppHome, machine: string): string {
  const dir = join(home.home, 'files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${machine}.tar.zst`);
  const result = home.sim('export', machine, path);
  if (result.status !== 0) throw new Error(result.stderr);
  const sum = createHash('sha256').update(readFileSync(path)).digest('hex');
  writeFileSync(`${path}.sha256`, `${sum}  ${basename(path)}\n`);
  return path;
}

test('imports a verified export, and a damaged one only after a clear warning', async ({ home, window }) => {
  test.setTimeout(150_000);
  await expect(row(window, 'debian')).toBeVisible();
  const good = exportWithChecksum(home, 'debian');
  await dropFromDisk(window.locator('main'), [good]);
  const dialog = window.getByRole('dialog', { name: 'Import “debian”' });
  await expect(dialog.getByRole('status', { name: 'Checksum' })).toHaveText(
    'Checksum checked: the file is exactly as it was exported.',
    {
      timeout: 15_000,
    },
  );
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await button(dialog, 'Import').click();
  await expect(row(window, 'debian-2')).toBeVisible({ timeout: 15_000 });

  // One byte changed inside the machine's data: the archive still reads, the checksum does not match.
  const damaged = exportWithChecksum(home, 'alpine');
  const bytes = readFileSync(damaged);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  writeFileSync(damaged, bytes);
  await dropFromDisk(window.locator('main'), [damaged]);
  const second = window.getByRole('dialog', { name: 'Import “alpine”' });
  await expect(second.getByRole('status', { name: 'Checksum' })).toHaveText(
    'Checksum checked: the file does not match it. It changed after it was exported, or it is damaged.',
    { timeout: 15_000 },
  );
  await expect(second.getByRole('alert')).toContainText('does not match its checksum');
  await expect(button(second, 'Import')).toBeDisabled();
  await second.getByLabel('Import anyway').check();
  await button(second, 'Import').click();
  await expect(row(window, 'alpine-2')).toBeVisible({ timeout: 15_000 });

  // Without a checksum beside it, the preview says so and imports as before.
  const bare = join(home.home, 'files', 'nixos.tar.zst');
  home.sim('export', 'nixos', bare);
  await dropFromDisk(window.locator('main'), [bare]);
  const third = window.getByRole('dialog', { name: 'Import “nixos”' });
  await expect(third.getByRole('status', { name: 'Checksum' })).toHaveText(
    'Not checked: there is no checksum (.sha256) beside this file.',
  );
  await expect(button(third, 'Import')).toBeEnabled();
});

// Export for a New Mac… through the real main process (native folder dialog, menu), and the folder
// handed back as a Dock drop imports whole.
test('exports machines for a new Mac into one folder, and imports that folder whole', async ({
  app,
  home,
  window,
}) => {
  test.setTimeout(120_000);
  await row(window, 'alpine').click();
  await row(window, 'debian').click({ modifiers: ['Control'] });
  await app.menu.click('File', 'Export for a New Mac…');
  const dialog = window.getByRole('dialog', { name: 'Export for a New Mac' });
  await expect(dialog.getByLabel('alpine')).toBeChecked();
  await expect(dialog.getByLabel('ubuntu')).not.toBeChecked();
  await button(dialog, 'Choose Folder…').click();
  const folder = join(home.home, 'For the new Mac');
  mkdirSync(folder);
  const pick = await app.dialogs.next('showOpenDialog');
  expect(pick.options).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
  await app.dialogs.answer(pick, { filePaths: [folder] });
  await expect(dialog).toBeHidden();

  const index = () =>
    JSON.parse(readFileSync(join(folder, 'orbdeck-index.json'), 'utf8')) as {
      machines: Array<{ machine: string; state: string }>;
    };
  await expect
    .poll(() => index().machines.map((e) => `${e.machine} ${e.state}`), { timeout: 60_000 })
    .toEqual(['alpine exported', 'debian exported']);

  // On the other Mac the folder is dropped on the Dock icon: one dialog, names free, each checked.
  expect(await app.call('openFile', { path: folder })).toEqual({ handled: true });
  const importing = window.getByRole('dialog', { name: 'Import 2 Machines' });
  await expect(importing.getByRole('status').first()).toContainText('2 machines from');
  await expect(importing.getByRole('status', { name: 'Checksum' })).toHaveText([
    'Checksum checked: the file is exactly as it was exported.',
    'Checksum checked: the file is exactly as it was exported.',
  ]);
  await expect(importing.getByLabel('Name for alpine')).toHaveValue('alpine-2');
  await button(importing, 'Import 2 Machines').click();
  await expect(row(window, 'alpine-2')).toBeVisible({ timeout: 30_000 });
  await expect(row(window, 'debian-2')).toBeVisible({ timeout: 30_000 });
});

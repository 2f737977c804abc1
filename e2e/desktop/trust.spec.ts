import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppHome } from './support/desktop-app';
import { dropFromDisk } from './support/drop';
import { expect, test } from './support/fixtures';
import { button, row } from '../support/ui';

// Issue 14: the import preview checks an export against the checksum beside it (a real path, as on a Mac).

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
    'Verified: matches its checksum.',
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
    'Does not match its checksum: the file changed or is damaged.',
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
  await expect(third.getByRole('status', { name: 'Checksum' })).toHaveText('No checksum beside it.');
  await expect(button(third, 'Import')).toBeEnabled();
});

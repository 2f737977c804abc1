import type { Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFiles } from './support/drop';
import { expect, test } from './support/fixtures';
import type { Host } from './support/host';
import { button, machineAction, row, openActivity } from './support/ui';

const activity = async (page: Page) => {
  await openActivity(page);
  return page.getByRole('region', { name: 'Activity' });
};
const history = async (page: Page) => {
  await openActivity(page);
  return page.getByRole('region', { name: 'Activity' }).getByRole('list', { name: 'History' });
};

/** An export made by the simulator's own CLI, as if by `orbctl export` in a terminal. */
function exportWithCli(host: Host, machine: string, name = `${machine}.tar.zst`): string {
  const dir = join(host.home, 'files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const result = host.sim('export', machine, path);
  if (result.status !== 0) throw new Error(result.stderr);
  return path;
}

const isExport = (path: string) =>
  readFileSync(path)
    .subarray(0, 4)
    .equals(Buffer.from([0x5c, 0x2a, 0x4d, 0x18]));

test('clones a machine under a free default name', async ({ page, host }) => {
  await row(page, 'debian').click();
  await (await machineAction(page, 'debian', 'Clone')).click();
  const dialog = page.getByRole('dialog', { name: 'Clone “debian”' });
  await expect(dialog.getByLabel('Name of the copy')).toHaveValue('debian-copy');
  await button(dialog, 'Clone').click();
  await expect(row(page, 'debian-copy')).toContainText('Stopped');
  await expect(
    (await history(page)).getByRole('listitem', { name: 'Clone debian as debian-copy' }),
  ).toContainText('Done');
  expect(JSON.parse(host.sim('info', 'debian-copy', '-f', 'json').stdout).record.state).toBe('stopped');
});

test('exports to a typed path, asking before replacing a file', async ({ page, host }) => {
  test.slow(); // two whole exports and their checksums
  const out = join(host.home, 'out');
  mkdirSync(out);
  const target = join(out, 'my "best" box.tar.zst');
  await row(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Export')).click();
  const dialog = page.getByRole('dialog', { name: 'Export “ubuntu”' });
  await expect(dialog.getByLabel('Save as')).toHaveValue(/\/ubuntu-\d{8}-\d{6}\.tar\.zst$/);
  await dialog.getByLabel('Save as').fill(target);
  await button(dialog, 'Export').click();
  const done = (await history(page)).getByRole('listitem', {
    name: 'Export ubuntu to my "best" box.tar.zst',
  });
  await expect(done).toContainText('Done', { timeout: 15_000 });
  await expect(done).toContainText(target);
  expect(isExport(target)).toBe(true);

  // An older export of another machine sits there now: replacing it is asked first.
  const older = readFileSync(exportWithCli(host, 'debian'));
  writeFileSync(target, older);
  await (await machineAction(page, 'ubuntu', 'Export')).click();
  await dialog.getByLabel('Save as').fill(target);
  await button(dialog, 'Export').click();
  await expect(dialog.getByRole('alert')).toContainText('already exists. Replace it?');
  await button(dialog, 'Keep It').click();
  await button(dialog, 'Cancel').click();
  expect(readFileSync(target)).toEqual(older);
  await (await machineAction(page, 'ubuntu', 'Export')).click();
  await dialog.getByLabel('Save as').fill(target);
  await button(dialog, 'Export').click();
  await button(dialog, 'Replace').click();
  await expect(
    (await history(page)).getByRole('listitem', { name: 'Export ubuntu to my "best" box.tar.zst' }),
  ).toHaveCount(2, { timeout: 15_000 });
  expect(isExport(target)).toBe(true);
  expect(readFileSync(target)).not.toEqual(older);
  // With its checksum and manifest, replaced along with it.
  expect(readdirSync(out).sort()).toEqual([
    'my "best" box.tar.zst',
    'my "best" box.tar.zst.manifest.json',
    'my "best" box.tar.zst.sha256',
  ]);
});

test('never replaces a file that is not an OrbStack export, even when told to', async ({ page, host }) => {
  const notes = join(host.home, 'notes.tar.zst');
  writeFileSync(notes, 'my notes');
  await row(page, 'ubuntu').click();
  await (await machineAction(page, 'ubuntu', 'Export')).click();
  const dialog = page.getByRole('dialog', { name: 'Export “ubuntu”' });
  await expect(dialog.getByLabel('Save as')).toHaveValue(/\.tar\.zst$/);
  await dialog.getByLabel('Save as').fill(notes);
  await button(dialog, 'Export').click();
  await button(dialog, 'Replace').click();
  await expect(dialog).toContainText('is not an OrbStack export, so OrbDeck will not replace it');
  expect(readFileSync(notes, 'utf8')).toBe('my notes');
});

test('imports with the Import button, showing what the file holds', async ({ page, host }) => {
  const file = exportWithCli(host, 'debian', 'debian backup.tar.zst');
  await button(page, 'Import…').click();
  await page.getByLabel('Choose export files to import').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Import “debian”' });
  await expect(dialog).toContainText('Debian bookworm (12)');
  await expect(dialog.getByLabel('Name of the new machine')).toHaveValue('debian-2');
  await dialog.getByLabel('Name of the new machine').fill('ubuntu');
  await expect(dialog.getByText('A machine named “ubuntu” already exists.')).toBeVisible();
  await dialog.getByLabel('Name of the new machine').fill('restored_db');
  await expect(button(dialog, 'Import')).toBeDisabled();
  await dialog.getByLabel('Name of the new machine').fill('restored-db');
  await button(dialog, 'Import').click();
  await expect(row(page, 'restored-db')).toContainText('Stopped', { timeout: 15_000 });
  // The copy the browser uploaded is deleted once the import is done.
  await expect.poll(() => readdirSync(join(host.dataDir, 'uploads')).length).toBe(0);
});

test('imports files dropped on the window, each as its own job', async ({ page, host }) => {
  const files = ['alpine', 'nixos'].map((m) => ({
    name: `${m}.tar.zst`,
    bytes: readFileSync(exportWithCli(host, m)),
  }));
  await dropFiles(page, page.locator('main'), files);
  const dialog = page.getByRole('dialog', { name: 'Import 2 Machines' });
  await expect(dialog.getByLabel('Name for alpine')).toHaveValue('alpine-2');
  await expect(dialog.getByLabel('Name for nixos')).toHaveValue('nixos-2');
  await button(dialog, 'Import 2 Machines').click();
  await expect(row(page, 'alpine-2')).toBeVisible({ timeout: 15_000 });
  await expect(row(page, 'nixos-2')).toBeVisible({ timeout: 15_000 });
  await expect((await history(page)).getByRole('listitem', { name: /^Import / })).toHaveCount(2);
});

test('refuses a dropped file that is not an export, and offers to copy it into a machine instead', async ({
  page,
  host,
}) => {
  const notes = { name: 'notes.txt', bytes: Buffer.from('remember the milk\n') };
  await dropFiles(page, page.locator('main'), [notes, { name: 'empty.tar.zst', bytes: Buffer.alloc(0) }]);
  await expect(
    page.getByRole('alert').filter({ hasText: 'notes.txt is not an OrbStack machine export' }),
  ).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'empty.tar.zst is not an OrbStack machine export' }),
  ).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await dropFiles(page, row(page, 'ubuntu'), [notes]);
  const dialog = page.getByRole('dialog', { name: 'Copy notes.txt to “ubuntu”?' });
  await button(dialog, 'Copy').click();
  await expect(
    (await history(page)).getByRole('listitem', { name: 'Copy notes.txt to ubuntu' }),
  ).toContainText('Done');
  const back = join(host.home, 'back.txt');
  expect(host.sim('pull', '-m', 'ubuntu', 'notes.txt', back).status).toBe(0);
  expect(readFileSync(back, 'utf8')).toBe('remember the milk\n');
});

test('reports a truncated export as a failed import with orbctl’s words', async ({ page, host }) => {
  const whole = readFileSync(exportWithCli(host, 'fedora'));
  await dropFiles(page, page.locator('main'), [
    { name: 'cut.tar.zst', bytes: whole.subarray(0, Math.floor(whole.length / 2)) },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import “fedora”' });
  await button(dialog, 'Import').click();
  const failed = (await history(page)).getByRole('listitem', { name: /^Import fedora-2/ });
  await expect(failed).toContainText('Failed', { timeout: 15_000 });
  await failed.getByText('Details').click();
  await expect(failed).toContainText('import container from host path');
  await expect(row(page, 'fedora-2')).toHaveCount(0);
});

test.describe('a slow export', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_SPEED: '0.5' } } });

  test('can be cancelled, leaving no file behind, and the history survives a reload', async ({
    page,
    host,
  }) => {
    const out = join(host.home, 'out');
    mkdirSync(out);
    await row(page, 'ubuntu').click();
    await (await machineAction(page, 'ubuntu', 'Export')).click();
    const dialog = page.getByRole('dialog', { name: 'Export “ubuntu”' });
    await dialog.getByLabel('Save as').fill(join(out, 'slow.tar.zst'));
    await button(dialog, 'Export').click();
    // The … menu puts the Activity popover away (it hangs over the inspector), so look at the menu first.
    await expect(await machineAction(page, 'ubuntu', 'Delete')).toBeDisabled();
    await page.keyboard.press('Escape');
    const running = (await activity(page)).getByRole('listitem', { name: 'Export ubuntu to slow.tar.zst' });
    await expect(running).toContainText(/\d+(\.\d)? [kMG]B/);
    await running.getByRole('button', { name: 'Cancel Export ubuntu to slow.tar.zst' }).click();
    const entry = (await history(page)).getByRole('listitem', { name: 'Export ubuntu to slow.tar.zst' });
    await expect(entry).toContainText('Cancelled');
    await expect(entry).toContainText('the partial file was removed');
    expect(readdirSync(out)).toEqual([]);

    await page.reload();
    await expect(
      (await history(page)).getByRole('listitem', { name: 'Export ubuntu to slow.tar.zst' }),
    ).toContainText('Cancelled');
    expect(existsSync(join(host.dataDir, 'history.jsonl'))).toBe(true);
  });
});

test.describe('a create that never returns', () => {
  test.use({ hostOptions: { env: { ORBCTL_SIM_FAULT: 'hang-after:create' } } });

  test('is not called cancelled when the machine was made, and offers to delete it', async ({ page }) => {
    await button(page, 'New Machine').click();
    const dialog = page.getByRole('dialog', { name: 'New Machine' });
    await dialog.getByLabel('Name').fill('stuck');
    await button(dialog, 'Create').click();
    await expect(row(page, 'stuck')).toBeVisible({ timeout: 15_000 });
    await (await activity(page)).getByRole('button', { name: /^Cancel Create stuck/ }).click();
    const entry = (await history(page)).getByRole('listitem', { name: /^Create stuck/ });
    await expect(entry).toContainText('The cancel came too late: stuck was created anyway.');
    await expect(entry).not.toContainText('Cancelled');
    await button(entry, 'Delete stuck').click();
    await button(page.getByRole('dialog', { name: 'Delete “stuck”?' }), 'Delete stuck').click();
    await expect(row(page, 'stuck')).toHaveCount(0, { timeout: 15_000 });
  });
});

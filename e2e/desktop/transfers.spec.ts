import type { Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropFromDisk } from './support/drop';
import { dropFiles } from '../support/drop';
import type { AppHome } from './support/desktop-app';
import { expect, test } from './support/fixtures';
import { button, machineAction, row, openActivity } from '../support/ui';

const history = async (page: Page) => {
  await openActivity(page);
  return page.getByRole('region', { name: 'Activity' }).getByRole('list', { name: 'History' });
};

/** An export made with the simulator's CLI, as `orbctl export` in a terminal would. */
function exportWithCli(home: AppHome, machine: string, name: string): string {
  const dir = join(home.home, 'files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const result = home.sim('export', machine, path);
  if (result.status !== 0) throw new Error(result.stderr);
  return path;
}

test.describe('export', () => {
  // Slow enough to see the partial file while orbctl writes it.
  test.use({ desktopOptions: { env: { ORBCTL_SIM_FAULT: 'slow:export:2500' } } });

  test('goes through the native save dialog, writes a partial file first and shows the result in Finder', async ({
    app,
    home,
    window,
  }) => {
    const out = join(home.home, 'Exports');
    mkdirSync(out);
    await row(window, 'ubuntu').click();
    await (await machineAction(window, 'ubuntu', 'Export')).click();
    const dialog = window.getByRole('dialog', { name: 'Export “ubuntu”' });
    await expect(dialog.getByLabel('Save as')).toHaveValue(/ubuntu-\d{8}-\d{6}\.tar\.zst$/);
    // Cancelled, the save dialog starts nothing and leaves the Export dialog as it was.
    await button(dialog, 'Choose Where…').click();
    await app.dialogs.answer(await app.dialogs.next('showSaveDialog'), { canceled: true });
    await expect(dialog).toBeVisible();
    expect(readdirSync(out)).toEqual([]);

    await button(dialog, 'Choose Where…').click();
    const save = await app.dialogs.next('showSaveDialog');
    expect(save.window).toBe((await app.state()).windows[0]?.id);
    expect(save.options).toMatchObject({ title: 'Export Machine', filters: [{ extensions: ['zst'] }] });
    expect(save.options.defaultPath).toMatch(/ubuntu-\d{8}-\d{6}\.tar\.zst$/);
    const target = join(out, 'ubuntu backup.tar.zst');
    await app.dialogs.answer(save, { filePath: target });

    await expect(dialog).toBeHidden();
    await expect
      .poll(() => readdirSync(out).some((f) => /^\.ubuntu backup\.tar\.zst\.[0-9a-f]+\.partial$/.test(f)))
      .toBe(true);
    expect(existsSync(target)).toBe(false);
    const done = (await history(window)).getByRole('listitem', {
      name: 'Export ubuntu to ubuntu backup.tar.zst',
    });
    await expect(done).toContainText('Done', { timeout: 15_000 });
    // With its checksum and manifest beside it.
    expect(readdirSync(out).sort()).toEqual([
      'ubuntu backup.tar.zst',
      'ubuntu backup.tar.zst.manifest.json',
      'ubuntu backup.tar.zst.sha256',
    ]);

    await button(done, 'Show in Finder').click();
    await expect
      .poll(() => app.records('shell'))
      .toContainEqual(expect.objectContaining({ call: 'showItemInFolder', path: target }));
  });
});

test('imports a file dropped on the window, by the path the preload reads from it', async ({
  home,
  window,
}) => {
  const file = exportWithCli(home, 'debian', 'debian backup.tar.zst');
  await expect(row(window, 'debian')).toBeVisible();
  await dropFromDisk(window.locator('main'), [file]);
  const dialog = window.getByRole('dialog', { name: 'Import “debian”' });
  await expect(dialog).toContainText('Debian bookworm (12)');
  await expect(dialog.getByLabel('Name of the new machine')).toHaveValue('debian-2');
  await button(dialog, 'Import').click();
  await expect(row(window, 'debian-2')).toBeVisible({ timeout: 15_000 });
  // Nothing was uploaded: the core read the file where it is.
  expect(existsSync(join(home.dataDir, 'uploads'))).toBe(false);

  // Any other file dropped on a machine's row is copied into it, from its path.
  const notes = join(home.home, 'files', 'notes.txt');
  writeFileSync(notes, 'hello from the Mac\n');
  await dropFromDisk(row(window, 'ubuntu'), [notes]);
  const push = window.getByRole('dialog', { name: 'Copy notes.txt to “ubuntu”?' });
  await button(push, 'Copy').click();
  await expect(push).toBeHidden();
  await expect
    .poll(() => home.sim('run', '-m', 'ubuntu', 'cat', 'notes.txt').stdout, { timeout: 15_000 })
    .toBe('hello from the Mac\n');

  // A File made in the page has no path: refused, and nothing is sent anywhere.
  await dropFiles(window, window.locator('main'), [{ name: 'made-up.tar.zst', bytes: readFileSync(file) }]);
  await expect(window.getByText('made-up.tar.zst is not a file on this Mac.')).toBeVisible();
});

test('files opened from Finder or dropped on the Dock icon, before ready and after, open the import dialog', async ({
  home,
  launch,
}) => {
  // macOS hands over the file that launched the app with open-file, before ready.
  const early = exportWithCli(home, 'fedora', 'fedora.tar.zst');
  const app = await launch({ openFiles: [early] });
  const window = await app.window();
  const first = window.getByRole('dialog', { name: 'Import “fedora”' });
  await expect(first).toBeVisible();
  await button(first, 'Cancel').click();

  const later = exportWithCli(home, 'debian', 'later.tar.zst');
  expect(await app.call('openFile', { path: later })).toEqual({ handled: true });
  await expect(window.getByRole('dialog', { name: 'Import “debian”' })).toBeVisible();
});

import type { Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import type { AppHome, DesktopApp } from './support/desktop-app';
import { button, machineAction, machineTable, row, openActivity } from '../support/ui';

// What the app does around its window: closing it, quitting, a second launch. On real utility processes: the
// quit sequence ends the app's orbctl calls, and only a process shows that none is left behind.
test.use({ simulatorInProcess: false });

const history = async (page: Page) => {
  await openActivity(page);
  return page.getByRole('region', { name: 'Activity' }).getByRole('list', { name: 'History' });
};
/** A shortcut whose effect may close the page before the keys are let go. */
async function pressClosing(page: Page, keys: string): Promise<void> {
  await page.keyboard.press(keys).catch((error: unknown) => {
    if (!/closed/.test(String(error))) throw error;
  });
}
const alive = (app: DesktopApp) =>
  Promise.race([app.exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 1500))]);

test.describe('keep in the menu bar on', () => {
  test.use({ desktopOptions: { settings: { closeToMenuBar: true, hideDockWhenClosed: true } } });

  test('closing the window keeps the app in the menu bar, without its Dock icon; the tray brings it back', async ({
    app,
    home,
    window,
  }) => {
    await expect(machineTable(window)).toBeVisible();
    await app.call('window.close');
    await expect.poll(async () => (await app.state()).windows.length).toBe(0);
    expect(await alive(app)).toBe(true);
    expect((await app.state()).dock).toMatchObject({ visible: false });
    expect((await app.tray.state()).menu?.map((i) => i.label)).toContain('Show OrbDeck');

    await app.tray.click('Show OrbDeck');
    const again = await app.window();
    await expect(row(again, 'ubuntu')).toContainText('Running');
    expect((await app.state()).dock).toMatchObject({ visible: true });

    // A file opened from Finder while no window is open opens one, with the import dialog.
    await app.call('window.close');
    await expect.poll(async () => (await app.state()).windows.length).toBe(0);
    const file = join(home.home, 'debian.tar.zst');
    expect(home.sim('export', 'debian', file).status).toBe(0);
    await app.call('openFile', { path: file });
    const third = await app.window();
    await expect(third.getByRole('dialog', { name: 'Import “debian”' })).toBeVisible();
  });
});

async function startExport(
  app: DesktopApp,
  home: AppHome,
  window: Page,
): Promise<{ out: string; target: string }> {
  const out = join(home.home, 'out');
  mkdirSync(out);
  const target = join(out, 'ubuntu.tar.zst');
  await row(window, 'ubuntu').click();
  await (await machineAction(window, 'ubuntu', 'Export')).click();
  const dialog = window.getByRole('dialog', { name: 'Export “ubuntu”' });
  await expect(dialog.getByLabel('Save as')).toHaveValue(/\.tar\.zst$/);
  await button(dialog, 'Choose Where…').click();
  await app.dialogs.answer(await app.dialogs.next('showSaveDialog'), { filePath: target });
  await expect.poll(() => readdirSync(out).some((f) => f.endsWith('.partial'))).toBe(true);
  return { out, target };
}

test.describe('keep in the menu bar off', () => {
  test.use({ desktopOptions: { settings: { closeToMenuBar: false } } });

  test('closing the window (⌘W) quits the app', async ({ app, window }) => {
    await expect(machineTable(window)).toBeVisible();
    await pressClosing(window, 'Meta+W');
    expect(await app.exited).toBe(0);
  });
});

test.describe('keep in the menu bar off, during an export', () => {
  test.use({
    desktopOptions: { settings: { closeToMenuBar: false }, env: { ORBCTL_SIM_FAULT: 'slow:export:4000' } },
  });

  // Found by this rehearsal: the window used to close first and ask afterwards, with no window to hold the
  // question, and "Keep Running" left an app with no window that never quit.
  test('asks before the window closes; Keep Running keeps the window', async ({ app, home, window }) => {
    const { target } = await startExport(app, home, window);
    await window.keyboard.press('Meta+W');
    const question = await app.dialogs.next('showMessageBox');
    expect(question.window).toBe((await app.state()).windows[0]?.id);
    await app.dialogs.answer(question, { button: 'Keep Running' });
    await expect(
      (await history(window)).getByRole('listitem', { name: 'Export ubuntu to ubuntu.tar.zst' }),
    ).toContainText('Done', { timeout: 15_000 });
    expect(existsSync(target)).toBe(true);
    expect((await app.state()).windows).toHaveLength(1);
    await pressClosing(window, 'Meta+W');
    expect(await app.exited).toBe(0);
  });
});

test.describe('⌘Q during an export', () => {
  test.use({ desktopOptions: { env: { ORBCTL_SIM_FAULT: 'slow:export:5000' } } });

  test('asks first; Keep Running lets the export finish', async ({ app, home, window }) => {
    const { target } = await startExport(app, home, window);
    await window.keyboard.press('Meta+Q');
    const question = await app.dialogs.next('showMessageBox');
    expect(question.options).toMatchObject({
      message: '1 job is not finished. Quit anyway?',
      buttons: ['Quit and Cancel Jobs', 'Keep Running'],
    });
    expect(question.options.detail).toContain(
      'Export ubuntu to ubuntu.tar.zst: the partial export file is removed.',
    );
    await app.dialogs.answer(question, { button: 'Keep Running' });

    await expect(
      (await history(window)).getByRole('listitem', { name: 'Export ubuntu to ubuntu.tar.zst' }),
    ).toContainText('Done', {
      timeout: 15_000,
    });
    expect(existsSync(target)).toBe(true);
    expect(await alive(app)).toBe(true);
    // Nothing runs now: ⌘Q quits without asking.
    await pressClosing(window, 'Meta+Q');
    expect(await app.exited).toBe(0);
  });

  test('Quit and Cancel Jobs cancels the export, removes the partial file and quits', async ({
    app,
    home,
    window,
  }) => {
    const { out, target } = await startExport(app, home, window);
    await app.menu.click('OrbDeck', 'Quit OrbDeck');
    const question = await app.dialogs.next('showMessageBox');
    await app.dialogs.answer(question, { button: 'Quit and Cancel Jobs' });
    expect(await app.exited).toBe(0);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out)).toEqual([]);
    const last = readFileSync(join(home.dataDir, 'history.jsonl'), 'utf8').trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ kind: 'export', state: 'cancelled' });
    // The user asked for it: no notification tells them afterwards that the export was cancelled.
    expect(app.recordsOnDisk('notifications')).toEqual([]);
  });
});

test('a second launch focuses the first window and hands over the files it was given', async ({
  app,
  home,
  launch,
  window,
}) => {
  await expect(machineTable(window)).toBeVisible();
  // The window is shown once it has painted (ready-to-show), which may come after the page is readable on a
  // loaded machine; a show then would undo the minimize.
  await expect.poll(async () => (await app.state()).windows[0]?.visible).toBe(true);
  await app.call('window.minimize');
  await expect.poll(async () => (await app.state()).windows[0]?.minimized).toBe(true);

  const second = await launch({}, { ready: false });
  expect(await second.exited).toBe(0);
  expect(second.stdout).not.toContain('electron-stand-in ready');
  await expect
    .poll(async () => (await app.state()).windows[0])
    .toMatchObject({ minimized: false, visible: true, focused: true });

  const dir = join(home.home, 'files');
  mkdirSync(dir);
  const file = join(dir, 'debian.tar.zst');
  expect(home.sim('export', 'debian', file).status).toBe(0);
  const third = await launch({ args: ['--demo', file] }, { ready: false });
  expect(await third.exited).toBe(0);
  const dialog = window.getByRole('dialog', { name: 'Import “debian”' });
  await expect(dialog).toBeVisible();
  await window.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // From a terminal in another folder, with a relative path: the file is the one in that folder.
  expect(home.sim('export', 'fedora', join(dir, 'fedora.tar.zst')).status).toBe(0);
  const fourth = await launch({ args: ['--demo', 'fedora.tar.zst'], cwd: dir }, { ready: false });
  expect(await fourth.exited).toBe(0);
  await expect(window.getByRole('dialog', { name: 'Import “fedora”' })).toBeVisible();
});

test('the window opens where it was left, unless that place is on a display that is gone', async ({
  home,
  launch,
}) => {
  // Left on an external display that is unplugged now: the window opens centred on the built-in one.
  mkdirSync(home.dataDir, { recursive: true });
  writeFileSync(
    join(home.dataDir, 'window-state.json'),
    JSON.stringify({ x: 2000, y: 100, width: 900, height: 600 }),
  );
  const first = await launch();
  await expect(machineTable(await first.window())).toBeVisible();
  expect((await first.state()).windows[0]?.bounds).toEqual({ x: 170, y: 103, width: 1100, height: 720 });
  const bounds = { x: 300, y: 120, width: 1000, height: 640 };
  await first.call('window.setBounds', { bounds });
  await first.call('quit');
  expect(await first.exited).toBe(0);

  const second = await launch();
  const window = await second.window();
  await expect(machineTable(window)).toBeVisible();
  expect((await second.state()).windows[0]?.bounds).toEqual(bounds);
  expect(await window.evaluate(() => [innerWidth, innerHeight])).toEqual([1000, 640]);
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import type { MenuItemData } from './support/desktop-app';
import { row } from '../support/ui';

// The application menu (macOS): built by the real main process, clicked by label, and reached by its
// shortcuts when the window does not handle a key press itself.

const items = (menu: MenuItemData[] | undefined) =>
  (menu ?? []).filter((i) => i.type !== 'separator').map((i) => [i.label, i.accelerator ?? null]);

test('the menu commands reach the window, by click and by shortcut', async ({ app, home, window }) => {
  const menu = await app.menu.get();
  expect(menu.map((i) => i.label)).toEqual(['OrbDeck', 'File', 'Edit', 'View', 'Window', 'Help']);
  expect(items(menu[1]?.submenu)).toEqual([
    ['New Machine…', 'CmdOrCtrl+N'],
    ['New from Preset…', 'CmdOrCtrl+Shift+N'],
    ['New Sandbox…', 'CmdOrCtrl+Alt+N'],
    ['Import…', 'CmdOrCtrl+I'],
    ['Export…', 'CmdOrCtrl+E'],
    ['Verify Export…', null],
    ['Export for a New Mac…', null],
    ['Import Folder…', null],
    ['Close Window', 'CommandOrControl+W'],
  ]);
  expect(items(menu[0]?.submenu)).toContainEqual(['Settings…', 'CmdOrCtrl+,']);
  await expect(row(window, 'ubuntu')).toBeVisible();

  const create = window.getByRole('dialog', { name: 'New Machine' });
  await app.menu.click('File', 'New Machine…');
  await expect(create).toBeVisible();
  await window.keyboard.press('Escape');
  await expect(create).toBeHidden();
  const sandbox = window.getByRole('dialog', { name: 'New Sandbox' });
  await app.menu.click('File', 'New Sandbox…');
  await expect(sandbox).toBeVisible();
  await window.keyboard.press('Escape');
  await expect(sandbox).toBeHidden();
  // The window handles ⌘N itself; the menu item must not open a second dialog on top.
  await window.keyboard.press('Meta+N');
  await expect(create).toBeVisible();
  await window.keyboard.press('Escape');

  // ⌘E is the menu's alone: Export the selected machine.
  await window.keyboard.press('Meta+E');
  await expect(
    window.getByRole('status').or(window.getByRole('alert')).filter({ hasText: 'Select a machine first.' }),
  ).toBeVisible();
  await row(window, 'ubuntu').click();
  await window.keyboard.press('Meta+E');
  const exportDialog = window.getByRole('dialog', { name: 'Export “ubuntu”' });
  await expect(exportDialog).toBeVisible();
  await window.keyboard.press('Escape');

  // Settings (⌘,): Open at login reaches the system's login items.
  expect(await app.records('login-item')).toEqual([expect.objectContaining({ openAtLogin: false })]);
  await window.keyboard.press('Meta+,');
  const settings = window.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Open OrbDeck at login').check();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await expect
    .poll(() => app.records('login-item'))
    .toEqual([
      expect.objectContaining({ openAtLogin: false }),
      expect.objectContaining({ openAtLogin: true }),
    ]);

  await app.menu.click('File', 'New from Preset…');
  const presets = window.getByRole('dialog', { name: 'Presets' });
  await expect(presets).toBeVisible();
  await window.keyboard.press('Escape');
  await expect(presets).toBeHidden();

  await app.menu.click('File', 'Verify Export…');
  const verify = window.getByRole('dialog', { name: 'Verify Export' });
  await expect(verify).toBeVisible();
  await window.keyboard.press('Escape');
  await expect(verify).toBeHidden();

  await app.menu.click('View', 'Activity');
  await expect(window.getByRole('region', { name: 'Activity' })).toBeVisible();
  await window.keyboard.press('Meta+Shift+A');
  await expect(window.getByRole('region', { name: 'Activity' })).toBeHidden();

  await app.menu.click('Help', 'OrbStack Documentation');
  await expect
    .poll(() => app.records('shell'))
    .toContainEqual(expect.objectContaining({ call: 'openExternal', url: 'https://docs.orbstack.dev' }));

  // File › Import… asks with the native open dialog.
  const dir = join(home.home, 'files');
  mkdirSync(dir);
  const file = join(dir, 'debian.tar.zst');
  expect(home.sim('export', 'debian', file).status).toBe(0);
  await app.menu.click('File', 'Import…');
  const open = await app.dialogs.next('showOpenDialog');
  expect(open.options).toMatchObject({
    title: 'Import Machines',
    properties: ['openFile', 'multiSelections'],
  });
  await app.dialogs.answer(open, { filePaths: [file] });
  await expect(window.getByRole('dialog', { name: 'Import “debian”' })).toBeVisible();
});
test('a menu shortcut pressed while a dialog is open does not replace that dialog', async ({ window }) => {
  await expect(row(window, 'ubuntu')).toBeVisible();
  await window.keyboard.press('Meta+N');
  const create = window.getByRole('dialog', { name: 'New Machine' });
  await expect(create).toBeVisible();
  await create.getByLabel('Name').fill('my-box');
  // The window's own shortcuts are inactive while a dialog is open; the menu's must not open another one.
  for (const key of ['Meta+,', 'Meta+I', 'Meta+N', 'Meta+E']) await window.keyboard.press(key);
  await expect(create).toBeVisible();
  await expect(create.getByLabel('Name')).toHaveValue('my-box');
  await expect(window.getByRole('dialog')).toHaveCount(1);
});

// The menu roles: labels, accelerators and default submenus after lib/browser/api/menu-item-roles.ts, and
// what each one does. On macOS most roles are performed natively (terminate:, performClose:, …); `run` is that
// native part, emulated: quit → app.quit(), close → the focused window's close(), and so on.
import { app } from './app.mjs';
import { isMac } from './state.mjs';

export const ROLES = {
  about: { label: () => `About ${app.name}`, run: () => app.showAboutPanel() },
  close: {
    label: isMac ? 'Close Window' : 'Close',
    accelerator: 'CommandOrControl+W',
    run: (w) => w?.close(),
  },
  copy: {
    label: 'Copy',
    accelerator: 'CommandOrControl+C',
    run: (w) => w?.webContents.copy(),
    register: false,
  },
  cut: { label: 'Cut', accelerator: 'CommandOrControl+X', run: (w) => w?.webContents.cut(), register: false },
  paste: {
    label: 'Paste',
    accelerator: 'CommandOrControl+V',
    run: (w) => w?.webContents.paste(),
    register: false,
  },
  pasteandmatchstyle: {
    label: 'Paste and Match Style',
    accelerator: isMac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
    run: (w) => w?.webContents.pasteAndMatchStyle(),
    register: false,
  },
  delete: { label: 'Delete', run: (w) => w?.webContents.delete() },
  selectall: {
    label: 'Select All',
    accelerator: 'CommandOrControl+A',
    run: (w) => w?.webContents.selectAll(),
  },
  undo: { label: 'Undo', accelerator: 'CommandOrControl+Z', run: (w) => w?.webContents.undo() },
  redo: { label: 'Redo', accelerator: 'Shift+CommandOrControl+Z', run: (w) => w?.webContents.redo() },
  quit: {
    label: () => (isMac ? `Quit ${app.name}` : 'Quit'),
    accelerator: 'CommandOrControl+Q',
    run: () => app.quit(),
  },
  hide: { label: () => `Hide ${app.name}`, accelerator: 'Command+H', run: () => app.hide() },
  hideothers: { label: 'Hide Others', accelerator: 'Command+Alt+H', run: () => {} },
  unhide: { label: 'Show All', run: () => app.show() },
  services: { label: 'Services' },
  minimize: {
    label: 'Minimize',
    accelerator: 'CommandOrControl+M',
    run: (w) => w?.minimizable && w.minimize(),
  },
  zoom: { label: 'Zoom', run: (w) => (w?.isMaximized() ? w.unmaximize() : w?.maximize()) },
  front: { label: 'Bring All to Front', run: () => {} },
  reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R', run: (w) => w?.reload() },
  forcereload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R', run: (w) => w?.reload() },
  toggledevtools: {
    label: 'Toggle Developer Tools',
    accelerator: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    run: (w) => w?.webContents.toggleDevTools(),
  },
  togglefullscreen: {
    label: 'Toggle Full Screen',
    accelerator: isMac ? 'Control+Command+F' : 'F11',
    run: (w) => w?.setFullScreen(!w.isFullScreen()),
  },
  resetzoom: { label: 'Actual Size', accelerator: 'CommandOrControl+0', run: () => {} },
  zoomin: { label: 'Zoom In', accelerator: 'CommandOrControl+Plus', run: () => {} },
  zoomout: { label: 'Zoom Out', accelerator: 'CommandOrControl+-', run: () => {} },
  help: { label: 'Help' },
  window: { label: 'Window' },
  appmenu: {
    label: () => app.name,
    submenu: () => [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  },
  filemenu: { label: 'File', submenu: () => [isMac ? { role: 'close' } : { role: 'quit' }] },
  editmenu: {
    label: 'Edit',
    submenu: () => [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac
        ? [{ role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }]
        : [{ role: 'delete' }, { type: 'separator' }, { role: 'selectAll' }]),
    ],
  },
  viewmenu: {
    label: 'View',
    submenu: () => [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  },
  windowmenu: {
    label: 'Window',
    submenu: () => [
      { role: 'minimize' },
      { role: 'zoom' },
      ...(isMac ? [{ type: 'separator' }, { role: 'front' }] : [{ role: 'close' }]),
    ],
  },
};

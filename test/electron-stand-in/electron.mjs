// The module `electron` as the main process sees it, when register.mjs has pointed the name here.
// Each API lives in lib/; this file only gathers them. APIs OrbDeck does not use throw when touched, so a
// new use shows up as a clear failure instead of a silent no-op.
import { app } from './lib/app.mjs';
import { BrowserWindow } from './lib/browser-window.mjs';
import { clipboard, nativeTheme, Notification, screen, session, shell } from './lib/desktop-services.mjs';
import { dialog } from './lib/dialog.mjs';
import { ipcMain } from './lib/ipc-main.mjs';
import { Menu, MenuItem } from './lib/menu.mjs';
import { net, protocol } from './lib/protocol.mjs';
import { standIn } from './lib/state.mjs';
import { nativeImage, Tray } from './lib/tray.mjs';
import { utilityProcess } from './lib/utility-process.mjs';
import { webContents } from './lib/web-contents.mjs';

standIn.menu = Menu;

const missing = (name) =>
  new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'then' || typeof property === 'symbol') return undefined;
        throw new Error(`electron-stand-in: ${name}.${String(property)} is not implemented`);
      },
    },
  );

export const autoUpdater = missing('autoUpdater');
export const contentTracing = missing('contentTracing');
export const crashReporter = {
  start() {},
  getParameters: () => ({}),
  addExtraParameter() {},
  removeExtraParameter() {},
};
export const desktopCapturer = missing('desktopCapturer');
export const globalShortcut = missing('globalShortcut');
export const inAppPurchase = missing('inAppPurchase');
export const powerMonitor = missing('powerMonitor');
export const powerSaveBlocker = missing('powerSaveBlocker');
export const safeStorage = missing('safeStorage');
export const systemPreferences = missing('systemPreferences');
export const TouchBar = missing('TouchBar');
export const webFrameMain = { fromId: () => undefined };
export {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  Notification,
};
export { protocol, screen, session, shell, Tray, utilityProcess, webContents };

export default {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  contentTracing,
  crashReporter,
  desktopCapturer,
  dialog,
  globalShortcut,
  inAppPurchase,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  TouchBar,
  Tray,
  utilityProcess,
  webContents,
  webFrameMain,
};

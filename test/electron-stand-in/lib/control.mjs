// The control channel a test drives the stand-in with: JSON lines on a Unix socket, one request
// {"id", "method", "params"} answered by {"id", "result"} or {"id", "error"}. The methods are what only the
// operating system or the user could do to a real Electron app (open a file from Finder, click the tray,
// answer a dialog, close a window) and what a test reads back (menus, records, windows).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app } from './app.mjs';
import { BrowserWindow } from './browser-window.mjs';
import { clipboard, nativeTheme, screen } from './desktop-services.mjs';
import { answerDialog, nextDialog, openDialogs, scriptDialog } from './dialog.mjs';
import { clickMenuItem, Menu } from './menu.mjs';
import { makeEvent, standIn } from './state.mjs';
import { Tray } from './tray.mjs';

function windowById(id) {
  const window = id === undefined ? BrowserWindow.getAllWindows()[0] : BrowserWindow.fromId(id);
  if (!window) throw new Error(id === undefined ? 'There is no window' : `No window ${id}`);
  return window;
}

function theTray() {
  const tray = Tray._all()[0];
  if (!tray) throw new Error('There is no tray');
  return tray;
}

const methods = {
  state: () => ({
    pid: process.pid,
    platform: process.platform,
    ready: standIn.ready,
    windows: BrowserWindow.getAllWindows().map((w) => w._describe()),
    focused: BrowserWindow.getFocusedWindow()?.id ?? null,
    dock: app.dock ? { visible: app.dock.isVisible(), badge: app.dock.getBadge() } : null,
    loginItem: app.getLoginItemSettings(),
    problems: standIn.problems,
  }),
  records: ({ kind } = {}) => (kind ? (standIn.records[kind] ?? []) : standIn.records),
  /** Finder or the Dock hands the app a file (macOS 'open-file'). */
  openFile: ({ path }) => {
    const event = makeEvent();
    app.emit('open-file', event, path);
    return { handled: event.defaultPrevented };
  },
  openUrl: ({ url }) => {
    const event = makeEvent();
    app.emit('open-url', event, url);
    return { handled: event.defaultPrevented };
  },
  /** The Dock icon is clicked. */
  activate: () =>
    app.emit(
      'activate',
      makeEvent(),
      BrowserWindow.getAllWindows().some((w) => w.isVisible()),
    ),
  /** ⌘Q from outside the window (the Dock's Quit, logging out): the same as the app menu's Quit. */
  quit: () => app.quit(),
  'window.close': ({ id }) => windowById(id).close(),
  'window.minimize': ({ id }) => windowById(id).minimize(),
  'window.restore': ({ id }) => windowById(id).restore(),
  'window.focus': ({ id }) => windowById(id).focus(),
  /** Another app becomes active: no OrbDeck window has the focus. */
  'app.deactivate': () => standIn.focused?._blur(),
  'window.setBounds': ({ id, bounds }) => {
    const window = windowById(id);
    window.setBounds(bounds);
    window.emit('resized', makeEvent());
    window.emit('moved', makeEvent());
  },
  'window.emit': ({ id, event }) => {
    const e = makeEvent();
    windowById(id).webContents.emit(event, e, {}, {});
    return { prevented: e.defaultPrevented };
  },
  'window.loadURL': async ({ id, url }) => {
    await windowById(id).webContents.loadURL(url);
  },
  'menu.application': () => Menu.getApplicationMenu()?._describe() ?? null,
  'menu.click': ({ path }) => clickMenuItem(Menu.getApplicationMenu(), path),
  'popup.state': () => Menu._popup?.menu._describe() ?? null,
  'popup.click': ({ label }) => {
    const popup = Menu._popup;
    if (!popup) throw new Error('No context menu is open');
    clickMenuItem(popup.menu, [label]);
    popup.close();
  },
  'popup.dismiss': () => Menu._popup?.close(),
  'tray.state': () => theTray()._describe(),
  'tray.click': ({ path }) => clickMenuItem(theTray()._menu, path),
  'dialog.next': ({ kind, timeout }) => nextDialog(kind, timeout),
  'dialog.answer': ({ id, answer }) => answerDialog(id, answer),
  'dialog.script': ({ kind, answer }) => scriptDialog(kind, answer),
  'dialog.open': () => openDialogs(),
  'clipboard.readText': () => clipboard.readText(),
  'nativeTheme.setSystemDark': ({ dark }) => nativeTheme._setSystemDark(dark),
  'screen.setDisplays': ({ displays }) => screen._setDisplays(displays),
  'session.requestPermission': async ({ id, permission }) => ({
    granted: await standIn.session._request(windowById(id).webContents, permission),
  }),
  /** A page (`url`, default the window's own) checks a permission. */
  'session.checkPermission': ({ id, permission, url }) => {
    const contents = windowById(id).webContents;
    const requestingUrl = url ?? contents.getURL();
    const origin = requestingUrl.startsWith('file:') ? 'file://' : new URL(requestingUrl).origin;
    return { granted: standIn.session._check(contents, permission, origin, requestingUrl) };
  },
};

let server = null;
let dir = '';

/** Listens on a fresh socket; resolves with its path. */
export function startControl() {
  dir = mkdtempSync(join(tmpdir(), 'esc-'));
  const path = join(dir, 'control.sock');
  server = createServer((socket) => {
    let buffer = '';
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        void handle(line).then((reply) => socket.writable && socket.write(JSON.stringify(reply) + '\n'));
      }
    });
  });
  server.unref();
  return new Promise((resolve) => server.listen(path, () => resolve(path)));
}

async function handle(line) {
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    const method = methods[request.method];
    if (!method) throw new Error(`Unknown control method ${request.method}`);
    const result = await method(request.params ?? {});
    return { id, result: result === undefined ? null : result };
  } catch (error) {
    return { id, error: String(error?.message ?? error) };
  }
}

export function stopControl() {
  server?.close();
  server = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
}

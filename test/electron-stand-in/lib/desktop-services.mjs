// The smaller services: shell and Notification (recorded), clipboard (in memory), nativeTheme, screen and
// session (permission handlers kept so a test can ask them). https://www.electronjs.org/docs/latest/api/
import { EventEmitter } from 'node:events';
import { protocol } from './protocol.mjs';
import { debug, makeEvent, record, requireReady, standIn } from './state.mjs';

export const shell = {
  async openExternal(url, options = {}) {
    new URL(url); // an invalid URL rejects
    record('shell', { call: 'openExternal', url, options });
  },
  showItemInFolder(fullPath) {
    record('shell', { call: 'showItemInFolder', path: fullPath });
  },
  async openPath(path) {
    record('shell', { call: 'openPath', path });
    return '';
  },
  async trashItem(path) {
    record('shell', { call: 'trashItem', path });
  },
  beep() {
    record('shell', { call: 'beep' });
  },
};

let nextNotification = 1;
export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options = {}) {
    super();
    this.id = nextNotification++;
    Object.assign(this, { title: '', subtitle: '', body: '', silent: false, ...options });
  }
  show() {
    record('notifications', {
      id: this.id,
      title: this.title,
      subtitle: this.subtitle,
      body: this.body,
      silent: this.silent,
    });
    debug(`notification: ${this.title} — ${this.body}`);
    this.emit('show', makeEvent());
  }
  close() {
    this.emit('close', makeEvent());
  }
}

const board = new Map();
export const clipboard = {
  writeText: (text) => void board.set('text/plain', String(text)),
  readText: () => board.get('text/plain') ?? '',
  writeHTML: (html) => void board.set('text/html', String(html)),
  readHTML: () => board.get('text/html') ?? '',
  write(data) {
    if (data.text !== undefined) board.set('text/plain', String(data.text));
    if (data.html !== undefined) board.set('text/html', String(data.html));
  },
  clear: () => board.clear(),
  availableFormats: () => [...board.keys()],
  has: (format) => board.has(format),
};

class NativeTheme extends EventEmitter {
  _systemDark = process.env.ELECTRON_STAND_IN_DARK === '1';
  _source = 'system';
  get themeSource() {
    return this._source;
  }
  set themeSource(source) {
    this._source = source;
    this._changed();
  }
  get shouldUseDarkColors() {
    return this._source === 'dark' || (this._source === 'system' && this._systemDark);
  }
  get shouldUseHighContrastColors() {
    return false;
  }
  get shouldUseInvertedColorScheme() {
    return false;
  }
  get inForcedColorsMode() {
    return false;
  }
  get prefersReducedTransparency() {
    return false;
  }
  /** Control: the system switched between light and dark. */
  _setSystemDark(dark) {
    this._systemDark = !!dark;
    this._changed();
  }
  _changed() {
    for (const window of standIn.windows)
      void window.webContents._ready
        .then(() =>
          window.webContents._page?.emulateMedia({
            colorScheme: this.shouldUseDarkColors ? 'dark' : 'light',
          }),
        )
        .catch(() => {});
    this.emit('updated');
  }
}
export const nativeTheme = new NativeTheme();
standIn.darkColors = () => nativeTheme.shouldUseDarkColors;

// One 1440×900 display; on macOS the work area leaves out the menu bar.
let displays = [
  {
    id: 1,
    label: 'Built-in Display',
    bounds: { x: 0, y: 0, width: 1440, height: 900 },
    workArea: { x: 0, y: 25, width: 1440, height: 875 },
    scaleFactor: 2,
    rotation: 0,
    internal: true,
  },
];
standIn.workArea = () => ({ ...displays[0].workArea });
const full = (d) => ({
  ...d,
  size: { width: d.bounds.width, height: d.bounds.height },
  workAreaSize: { width: d.workArea.width, height: d.workArea.height },
  monochrome: false,
  touchSupport: 'unknown',
  accelerometerSupport: 'unknown',
  colorDepth: 24,
  colorSpace: '',
  depthPerComponent: 8,
  displayFrequency: 60,
  detected: true,
});
const screenReady = () => requireReady("The 'screen' module can't be used before the app 'ready' event");
class Screen extends EventEmitter {
  getAllDisplays() {
    screenReady();
    return displays.map(full);
  }
  getPrimaryDisplay() {
    screenReady();
    return full(displays[0]);
  }
  getDisplayNearestPoint(point) {
    screenReady();
    const inside = displays.find(
      (d) =>
        point.x >= d.bounds.x &&
        point.x < d.bounds.x + d.bounds.width &&
        point.y >= d.bounds.y &&
        point.y < d.bounds.y + d.bounds.height,
    );
    return full(inside ?? displays[0]);
  }
  getDisplayMatching(rect) {
    return this.getDisplayNearestPoint({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
  }
  getCursorScreenPoint() {
    return { x: 0, y: 0 };
  }
  /** Control: replace the displays (e.g. unplug an external one). */
  _setDisplays(list) {
    displays = list;
    this.emit('display-metrics-changed', makeEvent(), full(displays[0]), ['bounds']);
  }
}
export const screen = new Screen();

class Session extends EventEmitter {
  protocol = protocol;
  _requestHandler = null;
  _checkHandler = null;
  setPermissionRequestHandler(handler) {
    this._requestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    this._checkHandler = handler;
  }
  setDevicePermissionHandler() {}
  setDisplayMediaRequestHandler() {}
  getUserAgent() {
    return 'electron-stand-in';
  }
  setUserAgent() {}
  async clearCache() {}
  async clearStorageData() {}
  setSpellCheckerEnabled() {}
  webRequest = { onBeforeRequest() {}, onHeadersReceived() {}, onBeforeSendHeaders() {} };
  /**
   * Control: a page asks for a permission. Without a handler Electron grants everything
   * (https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content).
   */
  _request(contents, permission, details = {}) {
    if (!this._requestHandler) return Promise.resolve(true);
    return new Promise((resolve) =>
      this._requestHandler(contents, permission, (granted) => resolve(!!granted), {
        requestingUrl: contents?.getURL() ?? '',
        isMainFrame: true,
        ...details,
      }),
    );
  }
  _check(contents, permission, origin, requestingUrl = contents?.getURL() ?? origin) {
    if (!this._checkHandler) return true;
    const details = { requestingUrl, isMainFrame: true, embeddingOrigin: origin, securityOrigin: origin };
    return !!this._checkHandler(contents, permission, origin, details);
  }
}
const defaultSession = new Session();
standIn.session = defaultSession;
export const session = {
  get defaultSession() {
    requireReady('Session can only be received when app is ready');
    return defaultSession;
  },
  fromPartition() {
    return this.defaultSession;
  },
};

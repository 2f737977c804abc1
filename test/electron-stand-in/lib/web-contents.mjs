// WebContents, backed by one Chromium page. Events and behaviour after
// https://www.electronjs.org/docs/latest/api/web-contents. The page gets the renderer half (page-host.mjs)
// before its first document; calls from it arrive through one Playwright binding, which also says which frame
// called: that frame becomes the IPC event's senderFrame.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app } from './app.mjs';
import { contentsByPage } from './chromium.mjs';
import { clipboard } from './desktop-services.mjs';
import { dispatchInvoke, dispatchSend, IpcMain } from './ipc-main.mjs';
import { netError, setUpPage } from './page.mjs';
import { toAppUrl, toBrowserUrl } from './protocol.mjs';
import { makeEvent, problem, record, standIn } from './state.mjs';
import { WebFrameMain } from './web-frame-main.mjs';
import { wireCodec } from './wire.mjs';

const wire = wireCodec();
const all = new Map();
let nextId = 1;

export class WebContents extends EventEmitter {
  constructor(window, webPreferences = {}) {
    super();
    this.id = nextId++;
    this._window = window;
    this._prefs = { contextIsolation: true, sandbox: true, nodeIntegration: false, ...webPreferences };
    if (this._prefs.nodeIntegration) throw new Error('electron-stand-in: nodeIntegration is not supported');
    this.ipc = new IpcMain();
    this._nonce = `__electronStandIn${randomUUID().replaceAll('-', '')}`;
    this._binding = `__electronStandInIpc${this.id}`;
    this._page = null;
    this._committed = false;
    this._loading = false;
    this._destroyed = false;
    this._programmatic = null;
    this._windowOpenHandler = null;
    this._title = '';
    this._zoomFactor = 1;
    this._queue = Promise.resolve();
    this.mainFrame = new WebFrameMain(this, null);
    all.set(this.id, this);
    this._ready = this._createPage();
    this._ready.catch((error) => problem(`could not create the page of window ${this.id}: ${error.stack}`));
    app.emit('web-contents-created', makeEvent(), this);
  }

  get session() {
    return standIn.session;
  }

  _createPage() {
    return setUpPage(this);
  }

  /** A message from the page (see page-host.mjs). */
  _fromPage(frame, message) {
    if (this._destroyed) return undefined;
    switch (message.kind) {
      case 'invoke':
        return dispatchInvoke(this, this._ipcEvent(frame), message.channel, message.args);
      case 'send':
        return dispatchSend(this, this._ipcEvent(frame), message.channel, message.args);
      case 'key':
        return this._window?._unhandledKey(message);
      case 'window-open':
        return this._windowOpen(message);
      case 'clipboard':
        return this._clipboard(message);
      case 'paint':
        return this._window?._firstPaint();
      case 'preload-error':
        return problem(`preload failed in window ${this._window?.id}: ${message.message}`);
    }
    return undefined;
  }

  _clipboard({ op, text }) {
    const permission = op === 'writeText' ? 'clipboard-sanitized-write' : 'clipboard-read';
    const origin = this.mainFrame.origin;
    const granted = standIn.session._check(this, permission, origin, this.getURL());
    record('permission-checks', { window: this._window?.id, permission, granted });
    if (!granted) return { granted };
    if (op === 'writeText') clipboard.writeText(text);
    return { granted, text: op === 'readText' ? clipboard.readText() : undefined };
  }

  _ipcEvent(frame) {
    const senderFrame = new WebFrameMain(this, frame);
    return makeEvent({
      type: 'frame',
      sender: this,
      senderFrame,
      frameId: 1,
      processId: this.id,
      ports: [],
      returnValue: undefined,
      reply: (channel, ...args) => this.send(channel, ...args),
    });
  }

  _windowOpen({ url, frameName, features, disposition }) {
    const details = {
      url: toAppUrl(url),
      frameName,
      features,
      disposition,
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    };
    const answer = this._windowOpenHandler ? this._windowOpenHandler(details) : { action: 'allow' };
    record('window-open', { ...details, action: answer?.action ?? 'deny' });
    if (answer?.action !== 'allow') return;
    void import('./browser-window.mjs').then(({ BrowserWindow }) => {
      const child = new BrowserWindow({ ...(answer.overrideBrowserWindowOptions ?? {}) });
      void child.loadURL(details.url).catch(() => {});
      this.emit('did-create-window', child, details);
    });
  }

  /** Called for every main-frame navigation request; false cancels it (will-navigate prevented). */
  _allowNavigation(appUrl, browserUrl) {
    if (this._programmatic === browserUrl) {
      this._programmatic = null;
      return true;
    }
    // https://www.electronjs.org/docs/latest/api/web-contents#event-will-navigate: page-initiated only.
    const event = makeEvent({ url: appUrl, isSameDocument: false, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-navigate', event, appUrl, false, true, this.id, 1);
    this.emit('will-frame-navigate', event);
    record('will-navigate', { window: this._window?.id, url: appUrl, prevented: event.defaultPrevented });
    return !event.defaultPrevented;
  }

  async loadURL(url, options = {}) {
    if (typeof url !== 'string') throw new TypeError('URL must be a string');
    await this._ready;
    if (this._destroyed) throw new Error('Object has been destroyed');
    const browserUrl = toBrowserUrl(url);
    this._programmatic = browserUrl;
    this._loading = true;
    try {
      await this._page.goto(browserUrl, {
        waitUntil: 'load',
        timeout: 0,
        ...(options.httpReferrer ? { referer: String(options.httpReferrer) } : {}),
      });
    } catch (error) {
      this._loading = false;
      const { code, errno } = netError(error);
      this.emit('did-fail-load', makeEvent(), errno, code, url, true, this.id, 1);
      throw Object.assign(new Error(`${code} (${errno}) loading '${url}'`), { code, errno, url });
    }
  }

  loadFile(filePath, options = {}) {
    const url = new URL(pathToFileURL(resolve(String(filePath))).href);
    if (options.query) for (const [k, v] of Object.entries(options.query)) url.searchParams.set(k, v);
    if (options.search) url.search = options.search;
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }

  getURL() {
    return this.mainFrame.url;
  }
  getTitle() {
    return this._title;
  }
  isLoading() {
    return this._loading;
  }
  isDestroyed() {
    return this._destroyed;
  }
  isCrashed() {
    return false;
  }
  getOSProcessId() {
    return 0;
  }
  getProcessId() {
    return this.id;
  }
  getType() {
    return this._window ? 'window' : 'webview';
  }

  send(channel, ...args) {
    if (this._destroyed) throw new Error('Object has been destroyed');
    const encoded = wire.encode(args); // throws for what Electron cannot serialise
    this._queue = this._queue
      .then(() =>
        this._page
          ?.mainFrame()
          .evaluate(([nonce, c, a]) => window[nonce]?.('ipc', c, a), [this._nonce, String(channel), encoded]),
      )
      .catch(() => {});
  }

  setWindowOpenHandler(handler) {
    this._windowOpenHandler = handler;
  }

  async executeJavaScript(code) {
    await this._ready;
    return this._page.evaluate(String(code));
  }
  reload() {
    // Started by the main process: no will-navigate, as for loadURL.
    void this._ready
      .then(() => {
        this._programmatic = this._page.url();
        return this._page.reload();
      })
      .catch(() => {});
  }
  focus() {
    this._window?.focus();
  }
  isFocused() {
    return !!this._window && standIn.focused === this._window;
  }
  _edit(command) {
    void this._ready.then(() => this._page.evaluate((c) => document.execCommand(c), command)).catch(() => {});
  }
  copy() {
    this._edit('copy');
  }
  cut() {
    this._edit('cut');
  }
  paste() {
    this._edit('paste');
  }
  pasteAndMatchStyle() {
    this._edit('paste');
  }
  delete() {
    this._edit('delete');
  }
  selectAll() {
    this._edit('selectAll');
  }
  undo() {
    this._edit('undo');
  }
  redo() {
    this._edit('redo');
  }
  openDevTools() {
    record('devtools', { window: this._window?.id, open: true });
  }
  closeDevTools() {}
  toggleDevTools() {
    this.openDevTools();
  }
  isDevToolsOpened() {
    return false;
  }
  setZoomFactor(factor) {
    this._zoomFactor = factor;
  }
  getZoomFactor() {
    return this._zoomFactor;
  }
  setBackgroundThrottling() {}
  setAudioMuted() {}
  isAudioMuted() {
    return false;
  }

  /** Page visibility follows the window (https://www.electronjs.org/docs/latest/api/browser-window#page-visibility). */
  _setVisibility(state) {
    void this._ready
      .then(() =>
        this._page.mainFrame().evaluate(([n, s]) => window[n]?.('visibility', s), [this._nonce, state]),
      )
      .catch(() => {});
  }

  async _destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    all.delete(this.id);
    await this._ready.catch(() => {});
    if (this._page) {
      contentsByPage.delete(this._page);
      await this._page.close().catch(() => {});
    }
    this.emit('destroyed', makeEvent());
  }
}

export const webContents = {
  getAllWebContents: () => [...all.values()],
  getFocusedWebContents: () => standIn.focused?.webContents ?? null,
  fromId: (id) => all.get(id),
  fromFrame: (frame) => frame?._contents,
};

// BrowserWindow, after https://www.electronjs.org/docs/latest/api/browser-window. The native window is state
// kept here (visible, minimized, focused, bounds); its contents are a Chromium page (web-contents.mjs) whose
// viewport is the window's size (titleBarStyle 'hiddenInset': the content fills the window).
import { EventEmitter } from 'node:events';
import { app } from './app.mjs';
import { handleMenuKey } from './menu.mjs';
import { makeEvent, record, standIn } from './state.mjs';
import { WebContents } from './web-contents.mjs';

let nextId = 1;

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...standIn.windows];
  }
  static getFocusedWindow() {
    return standIn.focused && !standIn.focused.isDestroyed() ? standIn.focused : null;
  }
  static fromWebContents(contents) {
    return BrowserWindow.getAllWindows().find((w) => w.webContents === contents) ?? null;
  }
  static fromId(id) {
    return BrowserWindow.getAllWindows().find((w) => w.id === id) ?? null;
  }

  constructor(options = {}) {
    super();
    if (!standIn.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.id = nextId++;
    this._options = options;
    this._title = options.title ?? app.name;
    const width = Math.max(options.width ?? 800, options.minWidth ?? 0);
    const height = Math.max(options.height ?? 600, options.minHeight ?? 0);
    // Without x and y the window is centred on the primary display's work area.
    const area = standIn.workArea();
    this._bounds = {
      x: options.x ?? Math.round(area.x + (area.width - width) / 2),
      y: options.y ?? Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    };
    this._visible = false;
    this._minimized = false;
    this._maximized = false;
    this._fullScreen = false;
    this._destroyed = false;
    this._closing = false;
    this._shownOnce = false;
    this.minimizable = options.minimizable !== false;
    this.closable = options.closable !== false;
    standIn.windows.add(this);
    this.webContents = new WebContents(this, options.webPreferences);
    app.emit('browser-window-created', makeEvent(), this);
    // A window created with show: true is shown at once; its 'show' fires before anyone can listen.
    if (options.show !== false) this._show(false);
  }

  _contentSize() {
    return { width: this._bounds.width, height: this._bounds.height };
  }

  _show(emit) {
    const wasVisible = this._visible;
    this._visible = true;
    this._shownOnce = true;
    this._minimized = false;
    if (!wasVisible) {
      this.webContents._setVisibility('visible');
      if (emit) this.emit('show', makeEvent());
    }
    this.focus();
  }

  /** The first contentful paint: ready-to-show, for a window nobody has shown yet (api_browser_window.cc). */
  _firstPaint() {
    if (this._destroyed || this._visible || this._readyToShowSent) return;
    this._readyToShowSent = true;
    setImmediate(() => !this._destroyed && this.emit('ready-to-show', makeEvent()));
  }

  /** The page's <title> becomes the window's, unless a page-title-updated listener prevents it. */
  _pageTitle(title) {
    const event = makeEvent();
    this.emit('page-title-updated', event, title, true);
    if (!event.defaultPrevented) this._title = title;
  }

  _unhandledKey(key) {
    handleMenuKey(key, this);
  }

  show() {
    this._assertAlive();
    this._show(true);
  }
  showInactive() {
    this._assertAlive();
    if (!this._visible) {
      this._visible = true;
      this.webContents._setVisibility('visible');
      this.emit('show', makeEvent());
    }
  }
  hide() {
    this._assertAlive();
    if (!this._visible) return;
    this._visible = false;
    this._blur();
    this.webContents._setVisibility('hidden');
    this.emit('hide', makeEvent());
  }
  isVisible() {
    return !this._destroyed && this._visible && !this._minimized;
  }
  focus() {
    this._assertAlive();
    if (!this._visible) this._show(true);
    if (standIn.focused === this) return;
    const previous = standIn.focused;
    standIn.focused = this;
    previous?._emitBlur();
    this.emit('focus', makeEvent());
    app.emit('browser-window-focus', makeEvent(), this);
  }
  blur() {
    this._blur();
  }
  _blur() {
    if (standIn.focused !== this) return;
    standIn.focused = null;
    this._emitBlur();
  }
  _emitBlur() {
    this.emit('blur', makeEvent());
    app.emit('browser-window-blur', makeEvent(), this);
  }
  isFocused() {
    return standIn.focused === this;
  }
  minimize() {
    this._assertAlive();
    if (this._minimized) return;
    this._minimized = true;
    this._blur();
    this.webContents._setVisibility('hidden');
    this.emit('minimize', makeEvent());
  }
  restore() {
    this._assertAlive();
    if (!this._minimized) return;
    this._minimized = false;
    this._visible = true;
    this.webContents._setVisibility('visible');
    this.emit('restore', makeEvent());
    this.focus();
  }
  isMinimized() {
    return this._minimized;
  }
  maximize() {
    if (this._maximized) return;
    this._maximized = true;
    this.emit('maximize', makeEvent());
  }
  unmaximize() {
    if (!this._maximized) return;
    this._maximized = false;
    this.emit('unmaximize', makeEvent());
  }
  isMaximized() {
    return this._maximized;
  }
  setFullScreen(flag) {
    if (this._fullScreen === !!flag) return;
    this._fullScreen = !!flag;
    this.emit(flag ? 'enter-full-screen' : 'leave-full-screen', makeEvent());
  }
  isFullScreen() {
    return this._fullScreen;
  }

  /**
   * As the close button: 'close' (which may be prevented), then the window is destroyed and 'closed' follows.
   * Guess (https://www.electronjs.org/docs/latest/api/browser-window#event-close): 'close' is emitted
   * synchronously from close(), 'closed' asynchronously; the page's beforeunload is not run.
   */
  close() {
    if (this._destroyed || this._closing) return;
    if (!this.closable) return standIn.onWindowCloseCancelled();
    const event = makeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return standIn.onWindowCloseCancelled();
    this._closing = true;
    setImmediate(() => this._teardown());
  }
  /** No 'close', no beforeunload; 'closed' is still emitted. */
  destroy() {
    if (this._destroyed || this._closing) return;
    this._closing = true;
    this._teardown();
  }
  _teardown() {
    this._destroyed = true;
    this._visible = false;
    this._blur();
    standIn.windows.delete(this);
    void this.webContents._destroy();
    this.emit('closed');
    record('windows-closed', { id: this.id });
    if (standIn.windows.size === 0) standIn.onWindowAllClosed();
  }
  isDestroyed() {
    return this._destroyed;
  }
  _assertAlive() {
    if (this._destroyed) throw new TypeError('Object has been destroyed');
  }

  getBounds() {
    return { ...this._bounds };
  }
  getNormalBounds() {
    return this.getBounds();
  }
  getContentBounds() {
    return this.getBounds();
  }
  setBounds(bounds) {
    this._bounds = { ...this._bounds, ...bounds };
    void this.webContents._ready
      .then(() => this.webContents._page?.setViewportSize(this._contentSize()))
      .catch(() => {});
    this.emit('resize', makeEvent());
    this.emit('move', makeEvent());
  }
  getSize() {
    return [this._bounds.width, this._bounds.height];
  }
  setSize(width, height) {
    this.setBounds({ width, height });
  }
  getContentSize() {
    return this.getSize();
  }
  getPosition() {
    return [this._bounds.x, this._bounds.y];
  }
  setPosition(x, y) {
    this.setBounds({ x, y });
  }
  center() {}
  setTitle(title) {
    this._title = String(title);
  }
  getTitle() {
    return this._title;
  }
  isMinimizable() {
    return this.minimizable;
  }
  isClosable() {
    return this.closable;
  }
  setBackgroundColor() {}
  setMenuBarVisibility() {}
  setAutoHideMenuBar() {}
  setProgressBar(progress) {
    record('progress-bar', { window: this.id, progress });
  }
  setDocumentEdited() {}
  setRepresentedFilename() {}
  moveTop() {}
  flashFrame() {}
  getParentWindow() {
    return null;
  }
  getChildWindows() {
    return [];
  }
  loadURL(url, options) {
    return this.webContents.loadURL(url, options);
  }
  loadFile(path, options) {
    return this.webContents.loadFile(path, options);
  }
  reload() {
    this.webContents.reload();
  }

  /** What a test sees of this window (control channel). */
  _describe() {
    return {
      id: this.id,
      targetId: this.webContents._targetId ?? null,
      title: this._title,
      url: this.webContents.getURL(),
      visible: this.isVisible(),
      minimized: this._minimized,
      focused: this.isFocused(),
      bounds: this.getBounds(),
    };
  }
}

// Tray and nativeImage. The tray keeps its image, tooltip, title and context menu as data; a test reads them
// and clicks a menu item by label path (control: tray.state, tray.click).
// https://www.electronjs.org/docs/latest/api/tray, https://www.electronjs.org/docs/latest/api/native-image.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMac, standIn } from './state.mjs';

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export class NativeImage {
  constructor(bytes = Buffer.alloc(0), path = '') {
    this._bytes = bytes;
    this._path = path;
    this._size = pngSize(bytes);
    // macOS treats a file whose name ends in "Template" as a template image.
    this._template = isMac && /Template(@\dx)?\.\w+$/.test(basename(path));
  }
  isEmpty() {
    return !this._size;
  }
  getSize() {
    return this._size ? { ...this._size } : { width: 0, height: 0 };
  }
  getAspectRatio() {
    return this._size ? this._size.width / this._size.height : 1;
  }
  setTemplateImage(option) {
    this._template = !!option;
  }
  isTemplateImage() {
    return this._template;
  }
  get isMacTemplateImage() {
    return this._template;
  }
  toPNG() {
    return Buffer.from(this._bytes);
  }
  toDataURL() {
    return `data:image/png;base64,${this._bytes.toString('base64')}`;
  }
  resize() {
    return new NativeImage(this._bytes, this._path);
  }
  getScaleFactors() {
    return [1];
  }
  /** For tests: the file the image came from. */
  _describe() {
    return { path: this._path, empty: this.isEmpty(), template: this._template, ...this.getSize() };
  }
}

export const nativeImage = {
  createEmpty: () => new NativeImage(),
  createFromPath(path) {
    // An unreadable or non-image file gives an empty image, not an error.
    return existsSync(path)
      ? new NativeImage(readFileSync(path), path)
      : new NativeImage(Buffer.alloc(0), path);
  },
  createFromBuffer: (buffer) => new NativeImage(Buffer.from(buffer)),
  createFromDataURL: (url) => new NativeImage(Buffer.from(String(url).split(',')[1] ?? '', 'base64')),
};

const trays = new Set();

export class Tray extends EventEmitter {
  static _all() {
    return [...trays];
  }

  constructor(image) {
    super();
    // Guess: like BrowserWindow, a Tray needs the app to be ready.
    if (!standIn.ready) throw new Error('Cannot create Tray before app is ready');
    this._image = typeof image === 'string' ? nativeImage.createFromPath(image) : image;
    this._toolTip = '';
    this._title = '';
    this._menu = null;
    this._destroyed = false;
    trays.add(this);
  }
  setImage(image) {
    this._image = typeof image === 'string' ? nativeImage.createFromPath(image) : image;
  }
  setPressedImage() {}
  setToolTip(toolTip) {
    this._toolTip = String(toolTip);
  }
  setTitle(title) {
    this._title = String(title);
  }
  getTitle() {
    return this._title;
  }
  setContextMenu(menu) {
    this._menu = menu;
  }
  popUpContextMenu() {}
  closeContextMenu() {}
  setIgnoreDoubleClickEvents() {}
  getBounds() {
    return { x: 1200, y: 0, width: 22, height: 24 };
  }
  destroy() {
    this._destroyed = true;
    trays.delete(this);
  }
  isDestroyed() {
    return this._destroyed;
  }
  _describe() {
    return {
      image: this._image?._describe?.() ?? null,
      toolTip: this._toolTip,
      title: this._title,
      menu: this._menu?._describe() ?? null,
    };
  }
}

// WebFrameMain: a frame of a window as the main process sees it, after
// https://www.electronjs.org/docs/latest/api/web-frame-main.
import { toAppUrl } from './protocol.mjs';

/** A frame as the main process sees it (WebFrameMain); its URL is the app's URL, not the mapped one. */
export class WebFrameMain {
  constructor(contents, frame) {
    this._contents = contents;
    this._frame = frame;
  }
  get url() {
    if (!this._frame || this._frame.isDetached()) return '';
    const url = this._frame.url();
    return url === 'about:blank' && !this._contents._committed ? '' : toAppUrl(url);
  }
  get origin() {
    try {
      const { protocol, host } = new URL(this.url);
      return protocol === 'file:' ? 'file://' : `${protocol}//${host}`;
    } catch {
      return 'null';
    }
  }
  get name() {
    return this._frame?.name() ?? '';
  }
  get top() {
    return this._contents.mainFrame;
  }
  get parent() {
    const parent = this._frame?.parentFrame();
    return parent ? new WebFrameMain(this._contents, parent) : null;
  }
  get frames() {
    return (this._frame?.childFrames() ?? []).map((f) => new WebFrameMain(this._contents, f));
  }
  get detached() {
    return !this._frame || this._frame.isDetached();
  }
  isDestroyed() {
    return this.detached;
  }
  get processId() {
    return this._contents.id;
  }
  get routingId() {
    return 1;
  }
}

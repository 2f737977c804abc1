// ipcMain (and webContents.ipc): handle/handleOnce/removeHandler for invoke, EventEmitter for send.
// Dispatch follows lib/browser/api/web-contents.ts: the WebContents' own `ipc` is asked before ipcMain; a
// missing handler and a throwing handler both reach the renderer as an error string, which ipcRenderer.invoke
// turns into "Error invoking remote method '<channel>': <error>".
import { EventEmitter } from 'node:events';
import { wireCodec } from './wire.mjs';

const wire = wireCodec();

export class IpcMain extends EventEmitter {
  /** @type {Map<string, Function>} */
  _invokeHandlers = new Map();

  handle(channel, listener) {
    if (this._invokeHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function')
      throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`);
    this._invokeHandlers.set(channel, listener);
  }

  handleOnce(channel, listener) {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel) {
    this._invokeHandlers.delete(channel);
  }
}

export const ipcMain = new IpcMain();

/**
 * An `invoke` from a page: the reply as a wire string holding `{ result }` or `{ error }`.
 * @param {any} event the IpcMainInvokeEvent (sender, senderFrame, …)
 */
export async function dispatchInvoke(contents, event, channel, encodedArgs) {
  const args = /** @type {unknown[]} */ (wire.decode(encodedArgs));
  const target = [contents.ipc, ipcMain].find((t) => t._invokeHandlers.has(channel));
  try {
    if (!target) throw new Error(`No handler registered for '${channel}'`);
    const result = await target._invokeHandlers.get(channel)(event, ...args);
    return wire.encode({ result });
  } catch (error) {
    // As Electron, the main process logs it; the renderer only gets its string form.
    console.error(`Error occurred in handler for '${channel}':`, error);
    return wire.encode({ error: String(error) });
  }
}

/** An `ipcRenderer.send` from a page. */
export function dispatchSend(contents, event, channel, encodedArgs) {
  const args = /** @type {unknown[]} */ (wire.decode(encodedArgs));
  contents.ipc.emit(channel, event, ...args);
  ipcMain.emit(channel, event, ...args);
}

// The preload runs sandboxed: it can only require `electron`, so this file is bundled into one CommonJS file.
// It exposes exactly one object, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, EVENT_CHANNEL, type EventMessage, type PreloadBridge } from '../shared/ipc/bridge';
import type { Envelope } from '../shared/result';

const bridge: PreloadBridge = {
  transport: 'electron',
  invoke: (channel, request) => ipcRenderer.invoke(String(channel), request) as Promise<Envelope<unknown>>,
  on(event, listener) {
    const handler = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
  // File.path is gone since Electron 32: a dropped file's path can only be read here, in the preload.
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

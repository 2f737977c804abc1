// The preload runs sandboxed: it can only require `electron`, so this file is bundled into one CommonJS file.
// It exposes exactly one object, never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  EVENT_CHANNEL,
  GRANT_CHANNEL,
  type EventMessage,
  type PreloadBridge,
} from '../../shared/ipc/bridge';
import type { ChosenFile } from '../../shared/files';
import type { Envelope } from '../../shared/result';

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
  // File.path is gone since Electron 32: a dropped file's path can only be read here, in the preload, and it
  // goes to the main process from here, so the page never gets to name a path the main process would trust.
  async chooseFile(file) {
    const path = webUtils.getPathForFile(file);
    if (!path) return null;
    return (await ipcRenderer.invoke(GRANT_CHANNEL, path)) as ChosenFile | null;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

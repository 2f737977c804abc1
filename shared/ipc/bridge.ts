import type { ChosenFile } from '../files';
import type { Envelope } from '../result';

/** The global name the Electron preload exposes its bridge under (`window.orbdeck`). */
export const BRIDGE_GLOBAL = 'orbdeck';

/**
 * What the Electron preload exposes with contextBridge: only these functions, never `ipcRenderer` itself.
 * Payloads are untyped here on purpose: the main process validates every one of them, and
 * renderer/api.ts adds the types.
 */
export interface PreloadBridge {
  readonly transport: 'electron';
  invoke(channel: string, request: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to one event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * A dropped or picked file as a grant the main process will honour (its real path comes from
   * `webUtils.getPathForFile`, here in the preload, never from the page); null when it is not a file on disk.
   */
  chooseFile(file: File): Promise<ChosenFile | null>;
}

/** Messages on the headless host's WebSocket. */
/** How a window's link to the core stands (the preload's IPC is always open; a WebSocket connects and may drop). */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export type WsClientMessage = { id: number; channel: string; request: unknown };
export type WsServerMessage = { id: number; result: Envelope<unknown> } | { event: string; payload: unknown };

/** The preload's private channel for turning a dropped file's path into a grant (not reachable from the page). */
export const GRANT_CHANNEL = 'orbdeck:grant-dropped-file';

/** The single Electron IPC channel that carries every event from main to the windows. */
export const EVENT_CHANNEL = 'orbdeck:event';
export interface EventMessage {
  event: string;
  payload: unknown;
}

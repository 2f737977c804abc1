import { BRIDGE_GLOBAL, type PreloadBridge } from '../../shared/ipc/bridge';
import type { EventOf, IpcChannel, IpcEvent, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/errors';
import { uploadFile, type ResolvedFile } from './upload';
import { createWsBridge, takeToken, type ConnectionState, type RawBridge } from './ws-bridge';

/**
 * The only module that talks to the core. It uses the Electron preload's bridge when there is one, else the
 * headless host's WebSocket; the rest of the renderer never knows which.
 */
export interface Api {
  readonly transport: 'electron' | 'headless';
  invoke<C extends IpcChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends IpcEvent>(event: E, listener: (payload: EventOf<E>) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  connection(): ConnectionState;
  /**
   * A path the core can read for a dropped or picked file: its real path in Electron, an uploaded copy on
   * the headless host (with progress).
   */
  /**
   * Makes a dropped or picked file readable by the core. `beside`: the file is that export's checksum or
   * manifest, and a browser sends it into the same place as the export's upload.
   */
  resolveFile(
    file: File,
    onProgress?: (loaded: number, total: number) => void,
    signal?: AbortSignal,
    beside?: ResolvedFile,
  ): Promise<ResolvedFile>;
}

type FileResolver = Api['resolveFile'];

export function apiFromBridge(raw: RawBridge, resolveFile: FileResolver): Api {
  return {
    resolveFile,
    transport: raw.transport,
    async invoke(channel, request) {
      const result = await raw.invoke(channel, request);
      if (!result.ok) throw AppError.fromData(result.error);
      return result.data as never;
    },
    on: (event, listener) => raw.on(event, (payload) => listener(payload as never)),
    onConnection: (listener) => raw.onConnection(listener),
    connection: () => raw.connection(),
  };
}

function fromPreload(bridge: PreloadBridge): RawBridge {
  return {
    transport: 'electron',
    invoke: (channel, request) => bridge.invoke(channel, request),
    on: (event, listener) => bridge.on(event, listener),
    onConnection: () => () => {},
    connection: () => 'open',
  };
}

export class MissingTokenError extends Error {}

function createDefaultApi(): Api {
  const preload = (window as unknown as Record<string, PreloadBridge | undefined>)[BRIDGE_GLOBAL];
  if (preload) {
    return apiFromBridge(fromPreload(preload), async (file) => {
      const chosen = await preload.chooseFile(file);
      if (!chosen)
        throw AppError.fromData({
          code: 'INVALID_INPUT',
          message: `${file.name} is not a file on this Mac.`,
        });
      return { ref: chosen.ref, path: chosen.path, uploaded: false };
    });
  }
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token)
    throw new MissingTokenError(
      'This page needs the address printed by OrbDeck, which includes its access token.',
    );
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws?token=${token}`;
  const uploadUrl = `${window.location.origin}/upload?token=${token}`;
  return apiFromBridge(createWsBridge(url), (file, onProgress, signal, beside) =>
    uploadFile(
      beside ? `${uploadUrl}&beside=${encodeURIComponent(beside.path)}` : uploadUrl,
      file,
      onProgress,
      signal,
    ),
  );
}

let current: Api | null = null;

/** The app's Api, created on first use. */
export function getApi(): Api {
  current ??= createDefaultApi();
  return current;
}

/** Tests (and only tests) put a stub in place. */
export function setApi(api: Api | null): void {
  current = api;
}

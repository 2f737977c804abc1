import type { WsClientMessage, WsServerMessage } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/result';
import { MAX_REQUEST_BYTES, sizeWords } from '../../shared/ipc/limits';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface RawBridge {
  readonly transport: 'electron' | 'headless';
  invoke(channel: string, request: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  connection(): ConnectionState;
}

const TOKEN_KEY = 'orbdeck.token';

/**
 * The access token the headless host printed in its URL (`#token=…`). It is kept for this tab's session so
 * a reload keeps working, and removed from the address bar so it does not end up in a screenshot.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

/** The headless transport: one WebSocket, request ids, events, and reconnect with backoff. */
export function createWsBridge(url: string, options: { maxBackoffMs?: number } = {}): RawBridge {
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const pending = new Map<number, (result: Envelope<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket;
  let nextId = 1;
  let backoff = 250;
  let opened: Promise<void>;
  let markOpen: () => void = () => {};

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...connectionListeners]) listener(next);
  };

  const connect = () => {
    opened = new Promise((resolve) => (markOpen = resolve));
    socket = new WebSocket(url);
    socket.onopen = () => {
      backoff = 250;
      setState('open');
      markOpen();
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as WsServerMessage;
      if ('id' in message) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of [...(listeners.get(message.event) ?? [])]) listener(message.payload);
      }
    };
    socket.onclose = () => {
      setState('closed');
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'DISCONNECTED', message: 'Lost the connection to OrbDeck.' } });
        pending.delete(id);
      }
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    };
  };
  connect();

  return {
    transport: 'headless',
    async invoke(channel, request) {
      if (state !== 'open') {
        // Wait briefly for a connection under way rather than failing the first calls at start-up.
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 4000));
        if ((await Promise.race([opened, timeout])) === 'timeout') {
          return { ok: false, error: { code: 'DISCONNECTED', message: 'Not connected to OrbDeck.' } };
        }
      }
      const id = nextId++;
      const text = JSON.stringify({ id, channel, request } satisfies WsClientMessage);
      // The host closes a connection that sends more (shared/ipc/limits.ts): refused here, with the reason.
      const bytes = new TextEncoder().encode(text).length;
      if (bytes > MAX_REQUEST_BYTES) {
        return {
          ok: false,
          error: {
            code: 'TOO_LARGE',
            message: `This is too large to send to OrbDeck (${sizeWords(bytes)}; at most ${sizeWords(MAX_REQUEST_BYTES)}).`,
          },
        };
      }
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(text);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    connection: () => state,
  };
}

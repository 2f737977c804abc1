import type { Socket } from 'node:net';
import type { HostLog } from './host-log';

interface Slot {
  /** It carries a WebSocket that passed the access check: a window, never given up for a newcomer. */
  window: boolean;
  /** Requests being answered on it (an upload may take hours). */
  requests: number;
}

/**
 * The host's TCP connections, at most `max` at once. Any local process can open connections without the token
 * and leave them silent or half-sent; when every slot is taken, a newcomer takes the slot of the oldest
 * connection that is neither a window's WebSocket nor answering a request (one still sending its headers, or
 * idling between requests) instead of being turned away, so such connections cannot lock a reloading window
 * out. Only when every slot holds a window or a request in progress is the newcomer dropped.
 */
export class ConnectionSlots {
  private readonly slots = new Map<Socket, Slot>();

  constructor(
    private readonly max: number,
    private readonly log: HostLog,
  ) {}

  /** A new TCP connection (the server's 'connection' event). */
  admit(socket: Socket): void {
    if (this.slots.size >= this.max) {
      const idle = [...this.slots].find(([, slot]) => !slot.window && slot.requests === 0)?.[0];
      if (!idle) {
        this.log(`Connection refused: already ${this.max} open`);
        socket.destroy();
        return;
      }
      this.log('Connection closed to make room: it had sent no request in progress');
      this.forget(idle);
      idle.destroy();
    }
    this.slots.set(socket, { window: false, requests: 0 });
    socket.once('close', () => this.forget(socket));
  }

  /** A request on `socket` is being answered until `done` is called. */
  request(socket: Socket): () => void {
    const slot = this.slots.get(socket);
    if (!slot) return () => undefined;
    slot.requests++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      slot.requests--;
    };
  }

  /** `socket` now carries a window's WebSocket. */
  window(socket: Socket): void {
    const slot = this.slots.get(socket);
    if (slot) slot.window = true;
  }

  get size(): number {
    return this.slots.size;
  }

  private forget(socket: Socket): void {
    this.slots.delete(socket);
  }
}

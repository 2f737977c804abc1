import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { WsClientMessage, WsServerMessage } from '../../shared/ipc/bridge';
import { ErrorCode } from '../../shared/errors';
import { fail } from '../../shared/result';
import { sizeWords } from '../../shared/ipc/limits';
import type { EventHub } from '../core/platform/events';
import type { Router } from '../core/ipc/router';
import { describeError, type HostLog } from './host-log';
import type { HostLimits } from './limits';

export interface WsConnectionsOptions {
  router: Router;
  events: EventHub;
  limits: HostLimits;
  log: HostLog;
  onClientGone?: (client: string) => void;
}

const CLOSE_GRACE_MS = 1000;

interface Connection {
  ws: WebSocket;
  client: string;
  /** Answered (or spoke) since the last ping. */
  alive: boolean;
  inFlight: number;
}

/**
 * The router over WebSockets. Whatever one client sends (a malformed frame, an oversize message, nothing at
 * all) costs that client its own connection and nobody else anything.
 */
export class WsConnections {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly stopEvents: () => void;
  private clients = 0;

  constructor(private readonly options: WsConnectionsOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.limits.maxMessageBytes });
    this.heartbeat = setInterval(() => this.beat(), options.limits.heartbeatMs).unref();
    this.stopEvents = options.events.onAny((event, payload) => {
      for (const c of this.connections) this.reply(c, { event, payload });
    });
  }

  /** An HTTP upgrade; `refusal` is the access check's status line, or null to let it in while there is room. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, refusal: string | null): void {
    // Node takes its own error listener off an upgraded socket: a reset during the handshake lands here.
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE')
        this.options.log(`WebSocket handshake failed: ${describeError(error)}`);
    };
    socket.on('error', onError);
    if (!refusal && this.connections.size >= this.options.limits.maxWsClients) {
      this.options.log(`WebSocket refused: already ${this.connections.size} open`);
      refusal = '503 Service Unavailable';
    }
    if (refusal) {
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onError);
      this.accept(ws);
    });
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.stopEvents();
    for (const c of this.connections) c.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    const c: Connection = { ws, client: `ws-${++this.clients}`, alive: true, inFlight: 0 };
    this.connections.add(c);
    // ws reports a malformed frame here after sending its close frame (1002, 1007 or 1009); a peer that
    // does not answer that close would hold its slot for ws's 30 s, so it gets a second.
    ws.on('error', (error) => {
      this.options.log(`WebSocket ${c.client} dropped: ${describeError(error)}`);
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    });
    ws.on('pong', () => (c.alive = true));
    ws.on('close', () => {
      this.connections.delete(c);
      this.options.onClientGone?.(c.client);
    });
    ws.on('message', (data, isBinary) => void this.onMessage(c, data, isBinary));
  }

  private async onMessage(c: Connection, data: RawData, isBinary: boolean): Promise<void> {
    c.alive = true;
    const message = isBinary ? null : parseMessage(String(data));
    if (!message) {
      this.options.log(`WebSocket ${c.client} closed: a message that is not a JSON request`);
      c.ws.close(1003, 'Messages must be JSON {id, channel, request}');
      return;
    }
    // Backpressure: a client that floods requests waits for answers instead of piling up work.
    if (++c.inFlight >= this.options.limits.maxInFlight) c.ws.pause();
    const result = await this.options.router
      .invoke(message.channel, message.request, { transport: 'headless', client: c.client })
      .catch(() => fail({ code: ErrorCode.INTERNAL, message: 'The request failed.' }));
    if (c.inFlight-- === this.options.limits.maxInFlight) c.ws.resume();
    this.reply(c, { id: message.id, result });
  }

  private reply(c: Connection, message: WsServerMessage): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.ws.bufferedAmount > this.options.limits.maxBufferedBytes) {
      this.options.log(`WebSocket ${c.client} dropped: it does not read its replies`);
      c.ws.terminate();
      return;
    }
    const text = this.fitted(message);
    if (text !== null) c.ws.send(text);
  }

  /**
   * The message as sent: an answer larger than a window takes (shared/ipc/limits.ts) becomes an error that says
   * so, and such an event is not sent (one line in the log), so neither can cost the window its connection.
   */
  private fitted(message: WsServerMessage): string | null {
    const text = JSON.stringify(message);
    const bytes = Buffer.byteLength(text);
    const max = this.options.limits.maxReplyBytes;
    if (bytes <= max) return text;
    if (!('id' in message)) {
      this.options.log(`Event ${message.event} not sent: ${sizeWords(bytes)} is more than a window takes`);
      return null;
    }
    return JSON.stringify({
      id: message.id,
      result: fail({
        code: ErrorCode.TOO_LARGE,
        message: `The answer was too large to send to the window (${sizeWords(bytes)}; at most ${sizeWords(max)}).`,
      }),
    });
  }

  /** Terminates every peer that did not answer the last ping; one waiting on the host's answers is alive. */
  private beat(): void {
    for (const c of this.connections) {
      if (!c.alive && c.inFlight === 0) {
        this.options.log(`WebSocket ${c.client} dropped: no answer to ping`);
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }
}

function parseMessage(text: string): WsClientMessage | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { id, channel, request } = value as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof channel !== 'string') return null;
    return { id, channel, request };
  } catch {
    return null;
  }
}

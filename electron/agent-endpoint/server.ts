/**
 * The agent endpoint: the core's router over a WebSocket on 127.0.0.1 only, for the MCP program (electron/mcp).
 * Every call carries the `agent` transport, so the core's guard (electron/core/sandboxes/agent-gate.ts) decides what
 * it may do and records it; this file only lets the right client in and keeps each within bounds. A client must
 * show the token from the data folder's endpoint file, may not be a web page (no Origin), and must name this
 * server as its Host (no DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { WsClientMessage, WsServerMessage } from '../../shared/ipc/bridge';
import { ErrorCode } from '../../shared/errors';
import { fail } from '../../shared/result';
import type { Router } from '../core/ipc/router';
import type { EventHub } from '../core/platform/events';
import { AGENT_LIMITS, type AgentLimits } from './limits';

export const AGENT_PATH = '/agent';
const HOST = '127.0.0.1';

export interface AgentServerOptions {
  router: Router;
  events: EventHub;
  /** Defaults to a fresh random token. */
  token?: string;
  limits?: Partial<AgentLimits>;
  /** A line about a client that was refused or dropped. */
  log?: (line: string) => void;
}

export interface AgentServer {
  readonly port: number;
  readonly token: string;
  /** Clients connected now. */
  clients(): number;
  close(): Promise<void>;
}

interface Client {
  ws: WebSocket;
  inFlight: number;
  /** Requests in the current second. */
  second: number;
  count: number;
  alive: boolean;
}

export async function startAgentServer(options: AgentServerOptions): Promise<AgentServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const limits: AgentLimits = { ...AGENT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const clients = new Set<Client>();
  let port = 0;

  const http = createServer((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  http.headersTimeout = 10_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const stopEvents = [
    options.events.on('jobs:changed', (job) => {
      // Agents follow their own jobs; the person's stay with the person.
      if (job.by !== 'agent') return;
      for (const c of clients) send(c, { event: 'jobs:changed', payload: job });
    }),
    // How their sandboxes stand (set up, golden checkpoint taken), without asking again and again.
    options.events.on('sandboxes:changed', (records) => {
      for (const c of clients) send(c, { event: 'sandboxes:changed', payload: records });
    }),
  ];
  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive && c.inFlight === 0) c.ws.terminate();
      c.alive = false;
      c.ws.ping();
    }
  }, limits.heartbeatMs).unref();

  const send = (c: Client, message: WsServerMessage) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.ws.bufferedAmount > limits.maxBufferedBytes) {
      log('An agent was dropped: it does not read its replies.');
      c.ws.terminate();
      return;
    }
    c.ws.send(JSON.stringify(message));
  };
  const busy = (c: Client, id: number, message: string) =>
    send(c, { id, result: fail({ code: ErrorCode.BUSY, message }) });

  const onMessage = async (c: Client, data: RawData, isBinary: boolean) => {
    c.alive = true;
    const message = isBinary ? null : parse(String(data));
    if (!message) {
      log('An agent was dropped: a message that is not a JSON request.');
      c.ws.close(1003, 'Messages must be JSON {id, channel, request}');
      return;
    }
    const second = Math.floor(Date.now() / 1000);
    if (second !== c.second) [c.second, c.count] = [second, 0];
    if (++c.count > limits.maxPerSecond) {
      return busy(c, message.id, `Too many requests: at most ${limits.maxPerSecond} a second.`);
    }
    if (c.inFlight >= limits.maxInFlight) {
      return busy(c, message.id, `Too many requests at once: at most ${limits.maxInFlight} unanswered.`);
    }
    c.inFlight++;
    const result = await options.router
      .invoke(message.channel, message.request, { transport: 'agent' })
      .catch(() => fail({ code: ErrorCode.INTERNAL, message: 'The request failed.' }));
    c.inFlight--;
    send(c, { id: message.id, result });
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    let refusal = checkAgent(req, token, port);
    if (!refusal && clients.size >= limits.maxClients) refusal = '503 Service Unavailable';
    if (refusal) {
      log(`An agent was refused: ${refusal}.`);
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const c: Client = { ws, inFlight: 0, second: 0, count: 0, alive: true };
      clients.add(c);
      ws.on('message', (data, isBinary) => void onMessage(c, data, isBinary));
      ws.on('pong', () => (c.alive = true));
      ws.on('error', () => ws.terminate());
      ws.on('close', () => clients.delete(c));
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, HOST, () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  return {
    port,
    token,
    clients: () => clients.size,
    async close() {
      clearInterval(heartbeat);
      stopEvents.forEach((stop) => stop());
      for (const c of clients) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** The status line to refuse an agent's upgrade with, or null to let it in. */
export function checkAgent(req: IncomingMessage, token: string, port: number): string | null {
  if (new URL(req.url ?? '/', 'http://x').pathname !== AGENT_PATH) return '404 Not Found';
  if (![`${HOST}:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) return '403 Forbidden';
  // A browser always sends Origin: no web page may reach the endpoint, whatever it knows.
  if (req.headers.origin !== undefined) return '403 Forbidden';
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '401 Unauthorized';
  return null;
}

function parse(text: string): WsClientMessage | null {
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

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WsClientMessage, WsServerMessage } from '../../../shared/ipc/bridge';
import { ErrorCode } from '../../../shared/errors';
import { fail } from '../../../shared/result';
import type { EventHub } from '../events';
import type { Router } from '../ipc/router';
import type { UploadStore } from './uploads';
import { send, serveStatic } from './static-files';

export interface HeadlessServerOptions {
  router: Router;
  events: EventHub;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 = any free port. */
  port: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Where dropped files are received (POST /upload); without it uploads are refused. */
  uploads?: UploadStore | null;
  /** A window's connection closed (its visibility no longer counts). */
  onClientGone?: (client: string) => void;
}

/** Machine exports are big; this is a sanity bound, not a quota. */
const MAX_UPLOAD_BYTES = 256 * 1024 ** 3;

export interface HeadlessServer {
  /** The URL to open, token included (in the fragment, so it never reaches a log or a Referer). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Bigger requests than this are refused; no channel needs more. */
const MAX_MESSAGE_BYTES = 1 << 20;

/**
 * The headless transport: the built renderer over HTTP and the IPC router over a WebSocket, on loopback only.
 * A WebSocket needs the token, and its Host and Origin must be this server's own: another web page (a
 * foreign Origin) or a DNS-rebinding name (a foreign Host) is refused.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  let clients = 0;
  let port = 0;
  const allowedHosts = () => [`${HOST}:${port}`, `localhost:${port}`];

  const http: Server = createServer((req, res) => {
    if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
    if (new URL(req.url ?? '/', 'http://x').pathname === '/upload') return void receiveUpload(req, res);
    serveStatic(options.staticDir, req, res).catch(() => send(res, 500, 'Internal error'));
  });

  async function receiveUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal =
      req.method !== 'POST' ? '405 Method Not Allowed' : checkAccess(req, token, allowedHosts(), '/upload');
    if (refusal || !options.uploads) {
      req.resume();
      return send(res, Number((refusal ?? '404').slice(0, 3)), refusal ?? 'Uploads are not accepted here');
    }
    const name = new URL(req.url ?? '/', 'http://x').searchParams.get('name') ?? 'upload';
    try {
      const result = await options.uploads.receive(req, name, MAX_UPLOAD_BYTES);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(result));
    } catch (error) {
      send(res, 400, error instanceof Error ? error.message : 'Upload failed');
    }
  }
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const refusal = checkAccess(req, token, allowedHosts(), '/ws');
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client = `ws-${++clients}`;
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        options.onClientGone?.(client);
      });
      ws.on('message', (data, isBinary) => void onMessage(ws, client, data.toString(), isBinary));
    });
  });

  async function onMessage(ws: WebSocket, client: string, text: string, isBinary: boolean): Promise<void> {
    const message = isBinary ? null : parseMessage(text);
    if (!message) {
      ws.close(1003, 'Messages must be JSON {id, channel, request}');
      return;
    }
    const result = await options.router
      .invoke(message.channel, message.request, { transport: 'headless', client })
      .catch(() => fail({ code: ErrorCode.INTERNAL, message: 'The request failed.' }));
    reply(ws, { id: message.id, result });
  }

  const stopEvents = options.events.onAny((event, payload) => {
    for (const ws of sockets) reply(ws, { event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, HOST, () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      stopEvents();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function reply(ws: WebSocket, message: WsServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/**
 * The HTTP status line to refuse a WebSocket or an upload with, or null to accept it: it needs this server's
 * own Host and Origin (no other page, no DNS rebinding) and the token.
 */
export function checkAccess(
  req: IncomingMessage,
  token: string,
  allowedHosts: string[],
  path: string,
): string | null {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname !== path) return '404 Not Found';
  if (!allowedHosts.includes(req.headers.host ?? '')) return '403 Forbidden';
  // Browsers always send Origin on a WebSocket; it must be this very server.
  const origin = req.headers.origin;
  if (!origin || !allowedHosts.map((h) => `http://${h}`).includes(origin)) return '403 Forbidden';
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '401 Unauthorized';
  return null;
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

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { EventHub } from '../core/platform/events';
import type { Router } from '../core/ipc/router';
import { ConnectionSlots } from './connection-slots';
import { describeError, throttledLog, type HostLog } from './host-log';
import { DEFAULT_LIMITS, type HostLimits } from './limits';
import { send, serveStatic } from './static-files';
import { receiveUpload } from './upload-route';
import type { UploadStore } from './uploads';
import { WsConnections } from './ws-connections';

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
  /** Where a line about a misbehaving client goes (throttled); stderr by default. */
  log?: HostLog;
  limits?: Partial<HostLimits>;
}

export interface HeadlessServer {
  /** The URL to open, token included (in the fragment, so it never reaches a log or a Referer). */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** TCP connections open now, WebSockets included. */
  connections(): number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The headless transport: the built renderer over HTTP and the IPC router over a WebSocket, on loopback only.
 * A WebSocket needs the token, and its Host and Origin must be this server's own: another web page (a
 * foreign Origin) or a DNS-rebinding name (a foreign Host) is refused. Every connection is bounded (see
 * HostLimits), and whatever one client sends costs at most its own connection.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = throttledLog(options.log ?? ((line) => process.stderr.write(`OrbDeck host: ${line}\n`)));
  let port = 0;
  const allowedHosts = () => [`${HOST}:${port}`, `localhost:${port}`];
  const slots = new ConnectionSlots(limits.maxHttpConnections, log);

  const http: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      // No bound on a whole request: an upload may take hours. idleTimeoutMs bounds a stalled one.
      requestTimeout: 0,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node looks for requests past headersTimeout (its default, 30 s, would hold them that long).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, limits.headersTimeoutMs / 4)),
    },
    (req, res) => {
      res.once('close', slots.request(req.socket));
      if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 403, 'Forbidden host');
      if (new URL(req.url ?? '/', 'http://x').pathname === '/upload') {
        const refusal = checkAccess(req, token, allowedHosts(), '/upload');
        return void receiveUpload(req, res, options.uploads, refusal);
      }
      serveStatic(options.staticDir, req, res).catch(() => send(res, 500, 'Internal error'));
    },
  );
  http.on('connection', (socket: Socket) => slots.admit(socket));
  http.setTimeout(limits.idleTimeoutMs);
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => onClientError(error, socket, log));

  const ws = new WsConnections({
    router: options.router,
    events: options.events,
    limits,
    log,
    onClientGone: options.onClientGone,
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkAccess(req, token, allowedHosts(), '/ws');
    // A window's connection keeps its slot (connection-slots.ts); a refused one is closed at once anyway.
    if (!refusal) slots.window(req.socket);
    ws.upgrade(req, socket, head, refusal);
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
    connections: () => slots.size,
    async close() {
      await ws.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A request Node could not parse, or that timed out: answered and closed, and said in one line. */
function onClientError(error: NodeJS.ErrnoException, socket: Duplex, log: HostLog): void {
  // Mid-response (a pipelined request gone bad) nothing more can be written without garbling the answer.
  const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || !socket.writable || answering) {
    socket.destroy();
    return;
  }
  log(`Bad HTTP request: ${describeError(error)}`);
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? '408 Request Timeout'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The HTTP status line to refuse a WebSocket or an upload with, or null to accept it: it needs this server's
 * own Host and Origin (no other page, no DNS rebinding) and the token, given exactly once.
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
  const tokens = url.searchParams.getAll('token');
  const given = Buffer.from(tokens.length === 1 ? tokens[0]! : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '401 Unauthorized';
  return null;
}

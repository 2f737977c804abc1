// Raw-socket helpers for the headless host's tests: a WebSocket handshake and frames written byte by byte,
// so a test can send what no well-behaved client library would.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';

export interface Target {
  port: number;
  token: string;
}

/**
 * A TCP socket to the host that collects everything it receives. With `halfOpen` it never closes its side
 * when the host closes its own, as a client that ignores a close would.
 */
export function tcp(port: number, halfOpen = false): Promise<Socket & { received: () => Buffer }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: halfOpen }) as Socket & {
      received: () => Buffer;
    };
    socket.received = () => Buffer.concat(chunks);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => {}); // a reset from the host is an answer too
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

export function upgradeRequest(target: Target, token = target.token): string {
  const key = randomBytes(16).toString('base64');
  return (
    `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\n` +
    `Origin: http://127.0.0.1:${target.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`
  );
}

/** A socket that completed the WebSocket handshake by hand (status 101). */
export async function rawWebSocket(
  target: Target,
  halfOpen = false,
): Promise<Socket & { received: () => Buffer }> {
  const socket = await tcp(target.port, halfOpen);
  socket.write(upgradeRequest(target));
  await until(() => socket.received().includes('\r\n\r\n'), 2000, 'no handshake answer');
  const head = socket.received().toString('latin1');
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`handshake refused: ${head.split('\r\n')[0]}`);
  return socket;
}

export interface FrameOptions {
  fin?: boolean;
  rsv?: number; // 0..7: RSV1 = 4, RSV2 = 2, RSV3 = 1
  opcode: number;
  payload?: Buffer;
  masked?: boolean;
  /** Announce this length instead of the payload's real one. */
  length?: bigint;
}

/** One WebSocket frame as RFC 6455 lays it out, masked like a client's unless told otherwise. */
export function frame(o: FrameOptions): Buffer {
  const payload = o.payload ?? Buffer.alloc(0);
  const masked = o.masked ?? true;
  const length = o.length ?? BigInt(payload.length);
  const first = ((o.fin ?? true) ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | o.opcode;
  let head: Buffer;
  if (length < 126n) head = Buffer.from([first, (masked ? 0x80 : 0) | Number(length)]);
  else if (length < 65536n) {
    head = Buffer.alloc(4);
    head.writeUInt16BE(Number(length), 2);
    head[1] = (masked ? 0x80 : 0) | 126;
  } else {
    head = Buffer.alloc(10);
    head.writeBigUInt64BE(length, 2);
    head[1] = (masked ? 0x80 : 0) | 127;
  }
  head[0] = first;
  if (!masked) return Buffer.concat([head, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([head, mask, body]);
}

export function closePayload(code: number, reason = ''): Buffer {
  const b = Buffer.alloc(2 + Buffer.byteLength(reason));
  b.writeUInt16BE(code, 0);
  b.write(reason, 2);
  return b;
}

/** The close code in the first close frame the host sent after the handshake, if any. */
export function closeCodeSent(received: Buffer): number | null {
  const at = received.indexOf('\r\n\r\n');
  let i = at < 0 ? 0 : at + 4;
  while (i + 2 <= received.length) {
    const opcode = received[i]! & 0x0f;
    let len = received[i + 1]! & 0x7f;
    let start = i + 2;
    if (len === 126) {
      len = received.readUInt16BE(i + 2);
      start = i + 4;
    } else if (len === 127) {
      len = Number(received.readBigUInt64BE(i + 2));
      start = i + 10;
    }
    if (opcode === 0x8) return len >= 2 ? received.readUInt16BE(start) : 1005;
    i = start + len;
  }
  return null;
}

export function closed(socket: Socket, timeoutMs = 3000): Promise<void> {
  if (socket.destroyed || socket.readyState === 'closed') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the host kept the connection open')), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Opens a well-behaved WebSocket (the `ws` client, which answers pings) and asks for app:info. */
export async function appInfo(target: Target): Promise<unknown> {
  const ws = await openClient(target);
  try {
    return await ask(ws, 'app:info', {});
  } finally {
    ws.close();
  }
}

export function openClient(target: Target): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${target.port}/ws?token=${target.token}`, {
    origin: `http://127.0.0.1:${target.port}`,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

let nextId = 1;
export function ask(ws: WebSocket, channel: string, request: unknown): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${channel}`)), 3000);
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== id) return;
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve(message.result);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, request }));
  });
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(what);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

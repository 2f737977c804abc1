import { existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { EventHub } from '../core/platform/events';
import { Router } from '../core/ipc/router';
import { readFileSync } from 'node:fs';
import { UploadStore } from './uploads';
import { basename } from 'node:path';
import { startHeadlessServer, type HeadlessServer } from './server';

let server: HeadlessServer;
let events: EventHub;
let staticDir: string;
let uploads: UploadStore;

beforeEach(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'orbdeck-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>OrbDeck</title>');
  writeFileSync(join(tmpdir(), 'orbdeck-secret.txt'), 'secret');
  events = new EventHub();
  const router = new Router();
  router.handle('jobs:list', () => []);
  router.handle('machine:start', () => {
    throw new Error('must not run for an invalid request');
  });
  uploads = new UploadStore(join(staticDir, 'uploads'));
  server = await startHeadlessServer({ router, events, staticDir, port: 0, uploads });
});
afterEach(() => server.close());

const origin = () => `http://127.0.0.1:${server.port}`;

/** Opens a WebSocket and resolves with 'open' or the HTTP status it was refused with. */
function connect(opts: {
  token?: string;
  origin?: string | null;
  host?: string;
}): Promise<{ outcome: string; ws: WebSocket }> {
  const query = opts.token === undefined ? '' : `?token=${opts.token}`;
  const headers: Record<string, string> = {};
  if (opts.host) headers.Host = opts.host;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, {
    headers,
    ...(opts.origin === null ? {} : { origin: opts.origin ?? origin() }),
  });
  return new Promise((resolve) => {
    ws.on('open', () => resolve({ outcome: 'open', ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ outcome: String(res.statusCode), ws }));
    ws.on('error', () => resolve({ outcome: 'error', ws }));
  });
}

function get(
  path: string,
  host?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: host ? { Host: host } : {} },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('headless host security', () => {
  it('prints a loopback URL with the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('refuses a WebSocket without a token', async () => {
    expect((await connect({})).outcome).toBe('401');
  });

  it('refuses a wrong token', async () => {
    expect((await connect({ token: 'x'.repeat(server.token.length) })).outcome).toBe('401');
    expect((await connect({ token: server.token + 'x' })).outcome).toBe('401');
  });

  it('refuses the token given twice, whichever comes first', async () => {
    const bad = 'x'.repeat(server.token.length);
    expect((await connect({ token: `${server.token}&token=${bad}` })).outcome).toBe('401');
    expect((await connect({ token: `${bad}&token=${server.token}` })).outcome).toBe('401');
    expect((await connect({ token: `${server.token}&token=${server.token}` })).outcome).toBe('401');
    const upload = `/upload?token=${server.token}&token=${bad}&name=x`;
    expect((await post(upload, 'x', { Origin: origin() })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    expect((await connect({ token: server.token, origin: 'http://evil.example' })).outcome).toBe('403');
    expect(
      (await connect({ token: server.token, origin: `http://127.0.0.1:${server.port + 1}` })).outcome,
    ).toBe('403');
    expect((await connect({ token: server.token, origin: null })).outcome).toBe('403');
  });

  it('refuses a foreign Host (DNS rebinding) on HTTP and WebSocket', async () => {
    expect((await connect({ token: server.token, host: `evil.example:${server.port}` })).outcome).toBe('403');
    expect((await get('/', `evil.example:${server.port}`)).status).toBe(403);
  });

  it('accepts the right token and answers invokes with envelopes', async () => {
    const { outcome, ws } = await connect({ token: server.token });
    expect(outcome).toBe('open');
    const reply = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    ws.send(JSON.stringify({ id: 7, channel: 'jobs:list', request: {} }));
    expect(await reply).toEqual({ id: 7, result: { ok: true, data: [] } });
    ws.close();
  });

  it('validates requests that arrive over the socket', async () => {
    const { ws } = await connect({ token: server.token });
    const reply = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    ws.send(JSON.stringify({ id: 1, channel: 'machine:start', request: { name: '--all' } }));
    expect(await reply).toMatchObject({ id: 1, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    ws.close();
  });

  it('closes a socket that sends garbage', async () => {
    const { ws } = await connect({ token: server.token });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1003);
  });

  it('pushes events to connected windows', async () => {
    const { ws } = await connect({ token: server.token });
    const message = new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    const change = { base: 0, version: 1, changed: [], removed: [], lastError: null, updatedAt: 1 };
    events.emit('machines:changed', change);
    expect(await message).toEqual({ event: 'machines:changed', payload: change });
    ws.close();
  });

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('OrbDeck');
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await get('/../orbdeck-secret.txt')).body).not.toContain('secret');
    expect((await get('/%2e%2e/orbdeck-secret.txt')).status).not.toBe(200);
    expect((await get('/..%2forbdeck-secret.txt')).status).not.toBe(200);
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('never serves a source map, even one that is there', async () => {
    writeFileSync(join(staticDir, 'index.js.map'), '{"sources":["secret.ts"]}');
    const map = await get('/index.js.map');
    expect(map.status).toBe(404);
    expect(map.body).not.toContain('secret');
  });

  it('follows the Electron window’s rule: no link out of the renderer, no hidden file, no unknown type', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'orbdeck-outside-'));
    writeFileSync(join(outside, 'secret.js'), 'secret');
    symlinkSync(join(outside, 'secret.js'), join(staticDir, 'linked.js'));
    writeFileSync(join(staticDir, '.env.js'), 'secret');
    writeFileSync(join(staticDir, 'notes.txt'), 'secret');
    for (const path of ['/linked.js', '/.env.js', '/notes.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });
});

function post(
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('headless host uploads (drag and drop in a browser)', () => {
  const name = encodeURIComponent('my "best" box.tar.zst');
  it('stores the file under its own name in a private folder and remembers it as an upload', async () => {
    const res = await post(`/upload?token=${server.token}&name=${name}`, 'hello', { Origin: origin() });
    expect(res.status).toBe(200);
    const { path, size } = JSON.parse(res.body) as { path: string; size: number };
    expect(size).toBe(5);
    expect(path.endsWith('/my "best" box.tar.zst')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('hello');
    expect(uploads.isUpload(path)).toBe(true);
  });

  it('never lets a name climb out of its folder', async () => {
    const res = await post(`/upload?token=${server.token}&name=${encodeURIComponent('../../evil')}`, 'x', {
      Origin: origin(),
    });
    const { path } = JSON.parse(res.body) as { path: string };
    expect(path.startsWith(join(staticDir, 'uploads'))).toBe(true);
    expect(path.endsWith('/evil')).toBe(true);
  });

  it('refuses an upload without the token or from another origin', async () => {
    expect((await post(`/upload?name=${name}`, 'x', { Origin: origin() })).status).toBe(401);
    expect(
      (await post(`/upload?token=${server.token}&name=${name}`, 'x', { Origin: 'http://evil.example' }))
        .status,
    ).toBe(403);
    expect((await post(`/upload?token=${server.token}&name=${name}`, 'x', {})).status).toBe(403);
  });
});

/** Sends a raw request head (and maybe some body) and reads what comes back until the host closes. */
function raw(head: string, body = ''): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = tcp(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('error', () => {}); // the host may reset a body it refused
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
    socket.setTimeout(5000, () => reject(new Error(`still open; got ${JSON.stringify(text)}`)));
    socket.write(head + body);
  });
}

describe('headless host upload limits', () => {
  const head = (headers: string) =>
    `POST /upload?token=${server.token}&name=big.tar.zst HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
    `Origin: ${origin()}\r\n${headers}\r\n`;

  it('refuses 300 GiB up front with a message the page can show, then closes', async () => {
    const { text, closedAfterMs } = await raw(
      head(`Content-Length: ${300 * 1024 ** 3}\r\n`),
      'x'.repeat(64 * 1024),
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('The file is 300 GiB; the host takes files up to 256 GiB.');
    expect(closedAfterMs).toBeLessThan(2000);
    const folder = join(staticDir, 'uploads');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('refuses an upload that does not say its size', async () => {
    const { text } = await raw(head('Transfer-Encoding: chunked\r\n'), '5\r\nhello\r\n0\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 411 /);
    expect(text).toContain('The upload must say its size (Content-Length).');
  });

  it('keeps newlines and right-to-left overrides out of the stored name', async () => {
    const name = encodeURIComponent('inv\u202Eexe.pdf\n\u2066x\u2069.tar.zst');
    const res = await post(`/upload?token=${server.token}&name=${name}`, 'hello', { Origin: origin() });
    expect(res.status).toBe(200);
    expect(basename((JSON.parse(res.body) as { path: string }).path)).toBe('invexe.pdfx.tar.zst');
  });

  it('stores a name longer than the file system allows, cut by bytes', async () => {
    const name = encodeURIComponent('日'.repeat(150) + '.tar.zst');
    const res = await post(`/upload?token=${server.token}&name=${name}`, 'hello', { Origin: origin() });
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(basename((JSON.parse(res.body) as { path: string }).path))).toBeLessThanOrEqual(
      255,
    );
  });
});

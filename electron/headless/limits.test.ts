// The headless host's resource bounds, each shrunk so a test can watch it act in well under a second.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { EventHub } from '../core/platform/events';
import { Router } from '../core/ipc/router';
import type { HostLimits } from './limits';
import { startHeadlessServer, type HeadlessServer } from './server';
import {
  appInfo,
  ask,
  closed,
  frame,
  openClient,
  rawWebSocket,
  sleep,
  tcp,
  until,
} from '../../test/helpers/ws-frames';
import { UploadStore } from './uploads';

let server: HeadlessServer | undefined;
let logged: string[] = [];
let uploadDir = '';
let bigAnswer = '';
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function host(limits: Partial<HostLimits>): Promise<HeadlessServer> {
  const staticDir = mkdtempSync(join(tmpdir(), 'orbdeck-limits-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>OrbDeck</title>');
  uploadDir = join(staticDir, 'uploads');
  const router = new Router();
  router.handle('app:info', () => ({
    name: 'OrbDeck',
    version: '0',
    demo: true,
    platform: 'linux',
    dataDir: '/',
    transport: 'headless' as const,
  }));
  // An answer as large as a test wants.
  router.handle('jobs:history-export', () => ({ fileName: 'history.csv', text: bigAnswer }));
  logged = [];
  server = await startHeadlessServer({
    router,
    events: new EventHub(),
    staticDir,
    port: 0,
    uploads: new UploadStore(uploadDir),
    log: (line) => logged.push(line),
    limits,
  });
  return server;
}

const uploadHead = (s: HeadlessServer, length: number) =>
  `POST /upload?token=${s.token}&name=slow.bin HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n` +
  `Origin: http://127.0.0.1:${s.port}\r\nContent-Length: ${length}\r\n\r\n`;

describe('headless host resource bounds', () => {
  it('refuses a WebSocket past the limit with 503 before the upgrade, and lets one in when a slot frees', async () => {
    const s = await host({ maxWsClients: 3 });
    const open = await Promise.all([openClient(s), openClient(s), openClient(s)]);
    await expect(openClient(s)).rejects.toThrow('refused with 503');
    expect(logged).toContainEqual('WebSocket refused: already 3 open');
    open[0]!.close();
    await until(() => open[0]!.readyState === open[0]!.CLOSED, 1000, 'not closed');
    await sleep(20);
    expect(await appInfo(s)).toMatchObject({ ok: true });
    for (const ws of open) ws.close();
  });

  it('terminates a peer that stops answering pings, and keeps one that answers', async () => {
    // A beat a second: a loaded machine that stalls this process (host and peers alike) for less than that does
    // not make the answering peer look silent, as it did now and then with 100 ms.
    const s = await host({ heartbeatMs: 1000 });
    const silent = await rawWebSocket(s); // never reads its pings, never answers them
    const live = await openClient(s); // the ws client answers pings by itself
    await closed(silent, 10_000);
    expect(logged.some((l) => /^WebSocket ws-\d+ dropped: no answer to ping$/.test(l))).toBe(true);
    // Two more beats, each of which would drop the live peer had it not answered.
    await sleep(2500);
    expect(live.readyState).toBe(live.OPEN);
    expect(await ask(live, 'app:info', {})).toMatchObject({ ok: true });
    live.close();
  });

  it('frees the slot of a client that sent a bad frame and ignores the close', async () => {
    const s = await host({ maxWsClients: 1 });
    const socket = await rawWebSocket(s, true); // never closes its side
    socket.write(frame({ opcode: 1, payload: Buffer.from('x'), masked: false }));
    const started = Date.now();
    // ws alone would keep the half-closed connection, and so the only slot, for 30 s.
    for (;;) {
      const ws = await openClient(s).catch(() => null);
      if (ws) {
        ws.close();
        break;
      }
      if (Date.now() - started > 4000) throw new Error('the slot was never freed');
      await sleep(100);
    }
    expect(Date.now() - started).toBeLessThan(2500);
    socket.destroy();
  });

  it('drops half-open requests whose headers never finish', async () => {
    const s = await host({ headersTimeoutMs: 200 });
    const sockets = await Promise.all(Array.from({ length: 50 }, () => tcp(s.port)));
    for (const socket of sockets) socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Slow: `);
    await Promise.all(sockets.map((socket) => closed(socket, 2000)));
    expect(sockets[0]!.received().toString('latin1')).toMatch(/^HTTP\/1\.1 408 /);
    expect(await appInfo(s)).toMatchObject({ ok: true });
  });

  it('keeps room for a window: silent connections without the token give way to one that comes', async () => {
    const s = await host({ maxHttpConnections: 6, idleTimeoutMs: 60_000, headersTimeoutMs: 60_000 });
    // Every slot held by a connection that never sends a request, or one that stops half-way through it.
    const held = await Promise.all(Array.from({ length: 6 }, () => tcp(s.port)));
    held[0]!.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Slow: `);
    await until(() => s.connections() === 6, 2000, 'the held connections did not arrive');
    // A reloading window: its page, then its WebSocket, then a request over it.
    const page = await fetch(`http://127.0.0.1:${s.port}/`);
    expect(page.status).toBe(200);
    const ws = await openClient(s);
    expect(await ask(ws, 'app:info', {})).toMatchObject({ ok: true });
    expect(logged).toContain('Connection closed to make room: it had sent no request in progress');
    ws.close();
    for (const socket of held) socket.destroy();
  });

  it('drops a connection past its limit when every slot holds a window', async () => {
    const s = await host({ maxHttpConnections: 3, idleTimeoutMs: 10_000 });
    const windows = await Promise.all([openClient(s), openClient(s), openClient(s)]);
    const extra = await tcp(s.port);
    await closed(extra, 1000);
    expect(extra.received().length).toBe(0);
    expect(logged).toContainEqual('Connection refused: already 3 open');
    for (const ws of windows) expect(await ask(ws, 'app:info', {})).toMatchObject({ ok: true });
    for (const ws of windows) ws.close();
  });

  it('drops an upload that stops moving, keeping nothing of it', async () => {
    const s = await host({ idleTimeoutMs: 300 });
    const socket = await tcp(s.port);
    socket.write(uploadHead(s, 10) + 'abc');
    const started = Date.now();
    await closed(socket, 2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    // The partial file goes as the connection closes: waited for, not slept on (a loaded machine is slow).
    await expect.poll(() => (existsSync(uploadDir) ? readdirSync(uploadDir) : [])).toEqual([]);
  });

  it('lets an upload run far longer than the idle timeout while it moves', async () => {
    // A byte every 50 ms against an idle timeout of 1 s: a loaded machine that stalls this process for a
    // moment does not look like a stalled upload (a 200 ms timeout did, now and then).
    const s = await host({ idleTimeoutMs: 1000, headersTimeoutMs: 1000 });
    const socket = await tcp(s.port);
    socket.write(uploadHead(s, 60));
    for (let i = 0; i < 60; i++) {
      await sleep(50); // 3 s in all: three idle timeouts
      socket.write('x');
    }
    await until(() => socket.received().includes('"size":60'), 10_000, 'no answer');
    expect(socket.received().toString()).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });

  it('sends an answer too large for a window as an error saying so, and keeps the connection', async () => {
    const s = await host({ maxReplyBytes: 64 * 1024 });
    bigAnswer = 'x'.repeat(100 * 1024);
    const ws = await openClient(s);
    expect(await ask(ws, 'jobs:history-export', { format: 'csv' })).toEqual({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: 'The answer was too large to send to the window (101 KiB; at most 64 KiB).',
      },
    });
    expect(ws.readyState).toBe(ws.OPEN);
    expect(await appInfo(s)).toMatchObject({ ok: true });
    ws.close();
  });

  it('answers a request it cannot parse with 400 and says so in one line', async () => {
    const s = await host({});
    const socket = await tcp(s.port);
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    await closed(socket);
    expect(socket.received().toString('latin1')).toMatch(/^HTTP\/1\.1 400 /);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Bad HTTP request: .*\(HPE_/);
  });
});

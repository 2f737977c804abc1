import { mkdtempSync, statSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppError, ErrorCode } from '../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/ipc/settings';
import type { Job } from '../../shared/jobs';
import { Router } from '../core/ipc/router';
import { EventHub } from '../core/platform/events';
import { AgentClient } from './client';
import { endpointFile, readEndpointFile } from './endpoint-file';
import { openAgentEndpoint } from './open-endpoint';
import { startAgentServer, type AgentServer } from './server';

const servers: AgentServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

/** A router whose only channels answer what they were asked, the way the agent guard passes them. */
function routerFor(guarded = true) {
  const router = new Router();
  const events = new EventHub();
  router.handle('jobs:list', () => []);
  router.handle('machine:info', async ({ name }) => {
    await new Promise((r) => setTimeout(r, 50));
    if (name === 'nope') throw new AppError(ErrorCode.NOT_FOUND, 'No machine named nope.');
    return { name } as never;
  });
  if (guarded)
    router.guard('agent', async (_channel, _request, context, next) => {
      expect(context.transport).toBe('agent');
      return next();
    });
  return { router, events };
}

async function serve(limits = {}) {
  const { router, events } = routerFor();
  const server = await startAgentServer({ router, events, limits });
  servers.push(server);
  return { server, events };
}

/** The HTTP status an upgrade gets with these headers. */
function upgradeStatus(port: number, headers: Record<string, string>, path = '/agent'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end();
  });
}

describe('the agent endpoint', () => {
  it('lets in only a client on this machine with the token, that is no web page', async () => {
    const { server } = await serve();
    const bearer = { Authorization: `Bearer ${server.token}` };
    expect(await upgradeStatus(server.port, bearer)).toBe(101);
    expect(await upgradeStatus(server.port, {})).toBe(401);
    expect(await upgradeStatus(server.port, { Authorization: `Bearer ${server.token.slice(1)}x` })).toBe(401);
    expect(await upgradeStatus(server.port, { ...bearer, Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(server.port, { ...bearer, Host: `evil.example:${server.port}` })).toBe(403);
    expect(await upgradeStatus(server.port, bearer, '/ws')).toBe(404);
  });

  it('answers as the router does, errors with their code, and follows the agent’s jobs only', async () => {
    const { server, events } = await serve();
    const client = await AgentClient.connect(server);
    expect(await client.invoke('machine:info', { name: 'box' })).toEqual({ name: 'box' });
    await expect(client.invoke('machine:info', { name: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(client.invoke('machine:info', { name: '-rf' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(client.invoke('no:such', {})).rejects.toMatchObject({ code: 'UNKNOWN_CHANNEL' });
    const job = { id: 'job-a-1', state: 'running', by: 'agent' } as Job;
    const waiting = client.finished(job.id);
    events.emit('jobs:changed', { ...job, id: 'job-person-1', by: undefined, state: 'succeeded' } as Job);
    events.emit('jobs:changed', { ...job, state: 'succeeded' });
    expect(await waiting).toMatchObject({ id: 'job-a-1', state: 'succeeded' });
    client.close();
  });

  it('answers a flood BUSY at once, bounds clients, and drops one whose message is too big', async () => {
    const { server } = await serve({
      maxInFlight: 2,
      maxPerSecond: 1000,
      maxClients: 2,
      maxMessageBytes: 4096,
    });
    const client = await AgentClient.connect(server);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => client.invoke('machine:info', { name: 'box' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(['BUSY', 'BUSY', 'BUSY']);
    const second = await AgentClient.connect(server);
    await expect(AgentClient.connect(server)).rejects.toThrow(/503/);
    second.close();
    await expect.poll(() => server.clients()).toBe(1);
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/agent`, {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send(JSON.stringify({ id: 1, channel: 'jobs:list', request: { pad: 'x'.repeat(5000) } }));
    expect(await closed).toBe(1009);
  });

  it('says how many requests a second a client may send', async () => {
    const { server } = await serve({ maxPerSecond: 3 });
    const client = await AgentClient.connect(server);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => client.invoke('jobs:list', {})));
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused[0]!.reason.message).toBe('Too many requests: at most 3 a second.');
  });

  it('opens and closes as Settings say, with a file only the user can read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-endpoint-'));
    const { router, events } = routerFor();
    let settings: Settings = { ...DEFAULT_SETTINGS };
    const listeners = new Set<(now: Settings, before: Settings) => void>();
    const store = {
      get: () => settings,
      onChange: (l: (now: Settings, before: Settings) => void) => (
        listeners.add(l),
        () => listeners.delete(l)
      ),
    };
    const set = (patch: Partial<Settings>) => {
      const before = settings;
      settings = { ...settings, ...patch };
      listeners.forEach((l) => l(settings, before));
    };
    const endpoint = openAgentEndpoint({
      router,
      events,
      settings: store,
      dataDir,
      host: 'headless',
      demo: true,
    });
    await endpoint.settled();
    const info = readEndpointFile(dataDir)!;
    expect(info).toMatchObject({ version: 1, host: 'headless', demo: true, pid: process.pid });
    expect(statSync(endpointFile(dataDir)).mode & 0o777).toBe(0o600);
    const client = await AgentClient.connect(info);
    expect(await client.invoke('jobs:list', {})).toEqual([]);
    set({ agentEndpoint: false });
    await endpoint.settled();
    expect(existsSync(endpointFile(dataDir))).toBe(false);
    await expect(AgentClient.connect(info)).rejects.toThrow();
    set({ agentEndpoint: true });
    await endpoint.settled();
    expect(readEndpointFile(dataDir)?.port).not.toBe(info.port);
    await endpoint.close();
    expect(existsSync(endpointFile(dataDir))).toBe(false);

    // A file others can read, or one whose process is gone, is not taken for a running OrbDeck.
    writeFileSync(endpointFile(dataDir), JSON.stringify({ ...info }), { mode: 0o644 });
    chmodSync(endpointFile(dataDir), 0o644);
    expect(readEndpointFile(dataDir)).toBeNull();
    writeFileSync(endpointFile(dataDir), JSON.stringify({ ...info, pid: 2 ** 22 + 1 }), { mode: 0o600 });
    chmodSync(endpointFile(dataDir), 0o600);
    expect(readEndpointFile(dataDir)).toBeNull();
  });

  it('is refused whole by a core without the agents’ guard', async () => {
    const { router, events } = routerFor(false);
    const server = await startAgentServer({ router, events });
    servers.push(server);
    const client = await AgentClient.connect(server);
    await expect(client.invoke('jobs:list', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

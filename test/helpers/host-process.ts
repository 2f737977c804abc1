// The headless host (dist/headless/serve.mjs, built by vitest's global setup) as a separate process that a
// test can kill without warning, with a WebSocket client that speaks its protocol: the honest way to let
// OrbDeck die in the middle of a job.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';
import type { Envelope } from '../../shared/result';

export const HOST = resolve(__dirname, '../../dist/headless/serve.mjs');

export interface HostProcess {
  readonly child: ChildProcess;
  invoke<T>(channel: string, request: unknown): Promise<T>;
  /** SIGKILL: no shutdown code runs, as when the app crashes or is force-quit. */
  kill(): Promise<void>;
}

export async function startHostProcess(env: Record<string, string>): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST, '--demo', '--no-open', '--port', '0'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<URL>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /ready at (\S+)/.exec(out);
      if (match) done(new URL(match[1]!));
    });
    child.once('exit', (code) => fail(new Error(`the host exited (${code}): ${stderr}`)));
  });
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const ws = new WebSocket(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  ws.on('error', () => undefined); // the host is killed under it
  let next = 0;
  const waiting = new Map<number, (result: Envelope<unknown>) => void>();
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Envelope<unknown> };
    if (message.id !== undefined && message.result) waiting.get(message.id)?.(message.result);
  });
  return {
    child,
    async invoke<T>(channel: string, request: unknown) {
      const id = ++next;
      const result = await new Promise<Envelope<unknown>>((done) => {
        waiting.set(id, done);
        ws.send(JSON.stringify({ id, channel, request }));
      });
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.data as T;
    },
    async kill() {
      const gone = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await gone;
      ws.terminate();
    },
  };
}

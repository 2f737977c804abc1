/**
 * The launcher seam with a module launcher built on Node's child_process.fork, which behaves like Electron's
 * utilityProcess.fork here (piped output, 'spawn'/'exit', kill() = SIGTERM): the adapter runs the real
 * simulator through it exactly as demo mode does in the packaged app.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { Timing } from '../platform/timing';
import { superviseChild } from './launcher';
import {
  forkedChildHandle,
  KILL_FALLBACK_MS,
  moduleLauncher,
  type ForkedChild,
  type ForkModule,
} from './module-launcher';
import { Orbctl } from './orbctl';
import { runProcess } from './run';
import { adapterEnv, freshDir, rejection, SIM, useSimFolders } from '../../../test/helpers/adapter';
import { eventually, isRunning, readWhenWritten, writeScript } from '../../../test/helpers/processes';

useSimFolders();

/** child_process.fork as the utility-process stand-in; `execArgv` lets a test preload something. */
function nodeFork(execArgv: string[] = []): ForkModule & { calls: string[][] } {
  const calls: string[][] = [];
  const start: ForkModule = (modulePath, args, options) => {
    calls.push([modulePath, ...args]);
    return fork(modulePath, args, {
      env: options.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
  };
  return Object.assign(start, { calls });
}

function adapter(launcherFork: ForkModule, extra: Record<string, string> = {}, killGraceMs = 500) {
  const dir = freshDir();
  const orbctl = new Orbctl({
    timing: new Timing(),
    env: adapterEnv(dir, extra),
    home: '/Users/me',
    cwd: dir,
    killGraceMs,
    launcher: moduleLauncher(SIM, launcherFork),
  });
  return { orbctl, dir };
}

function stringEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(adapterEnv(dir))) if (v !== undefined) env[k] = v;
  return env;
}

describe.concurrent('the adapter with the simulator in a forked module process', () => {
  it('reads, creates and lists machines, with the orbctl argv and the simulator’s output', async () => {
    const start = nodeFork();
    const { orbctl } = adapter(start);
    expect((await orbctl.version()).version).toBe('2.2.0');
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    expect((await orbctl.list()).map((m) => m.name)).toEqual(['a1']);
    expect(start.calls).toContainEqual([SIM, 'create', 'alpine', 'a1']);
  });

  it('reports the exit code and stderr of a failed command (mapped as with execa)', async () => {
    const { orbctl } = adapter(nodeFork());
    const e = await rejection(orbctl.info('nope'));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.detail?.exitCode).toBe(1);
    expect(e.detail?.stderr).toMatch(/not found/);
  });

  it('cancelling an export interrupts the simulator: no process and no partial file left', async () => {
    // Still writing when cancelled, however loaded the machine: a minute's export.
    const { orbctl, dir } = adapter(nodeFork(), { ORBCTL_SIM_FAULT: 'slow:export:60000' });
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const controller = new AbortController();
    let pid = 0;
    const target = join(dir, 'a1.tar.zst');
    const running = orbctl.export('a1', target, { signal: controller.signal, onSpawn: (p) => (pid = p) });
    expect(await eventually(() => existsSync(target), 5000)).toBe(true);
    controller.abort();
    const e = await rejection(running);
    expect(e.code).toBe('CANCELLED');
    // SIGINT reached the simulator's own Ctrl-C path: exit 130 and its partial file removed.
    expect(e.detail?.exitCode).toBe(130);
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('a hanging command is stopped at its timeout', async () => {
    const dir = freshDir();
    const orbctl = new Orbctl({
      timing: new Timing(),
      env: adapterEnv(dir, { ORBCTL_SIM_FAULT: 'hang-after:create' }),
      cwd: dir,
      killGraceMs: 300,
      timeouts: { create: 1500 },
      launcher: moduleLauncher(SIM, nodeFork()),
    });
    const e = await rejection(orbctl.create({ distro: 'alpine', name: 'a1' }));
    expect(e.code).toBe('TIMEOUT');
  });

  it('a child that ignores SIGINT and SIGTERM is killed for sure', async () => {
    const dir = freshDir();
    const ready = join(dir, 'stubborn.ready');
    const stubborn = writeScript(
      dir,
      'stubborn.mjs',
      `import { writeFileSync } from 'node:fs';
       process.on('SIGINT', () => {}); process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);
       writeFileSync(${JSON.stringify(ready)}, String(process.pid));`,
    );
    const controller = new AbortController();
    const running = runProcess({
      file: stubborn,
      args: [],
      env: stringEnv(dir),
      timeoutMs: 20_000,
      killGraceMs: 200,
      signal: controller.signal,
      launcher: moduleLauncher(stubborn, nodeFork()),
    });
    // Its handlers are in place once it has written its pid.
    const pid = Number(await readWhenWritten(ready));
    controller.abort();
    const e = await rejection(running);
    expect(e.code).toBe('CANCELLED');
    expect(e.detail?.signal).toBe('SIGKILL');
    expect(isRunning(pid)).toBe(false);
    expect(e.detail?.durationMs).toBeLessThan(200 + KILL_FALLBACK_MS + 3000);
  });

  it('refuses to run any file but the simulator it was made for, and starts nothing', async () => {
    const start = nodeFork();
    const dir = freshDir();
    const e = await rejection(
      runProcess({
        file: '/usr/local/bin/orbctl',
        args: ['list'],
        env: stringEnv(dir),
        timeoutMs: 5000,
        killGraceMs: 100,
        launcher: moduleLauncher(SIM, start),
      }),
    );
    expect(e.code).toBe('NOT_INSTALLED');
    expect(e.message).toContain("not '/usr/local/bin/orbctl'");
    expect(start.calls).toEqual([]);
  });

  it('where the process does not end by itself (an Electron utility process) the simulator exits', async () => {
    // A utility process has process.parentPort and stays alive after its work (docs/packaging.md):
    // modelled with a preload that sets one and keeps the event loop busy. The simulator must exit by itself.
    const utilityLike = 'process.parentPort = {}; setInterval(() => {}, 60_000);';
    const start = nodeFork(['--import', `data:text/javascript,${encodeURIComponent(utilityLike)}`]);
    const { orbctl } = adapter(start);
    await orbctl.create({ distro: 'alpine', name: 'a1' });
    const listed = await orbctl.list();
    expect(listed.map((m) => m.name)).toEqual(['a1']);
    expect((await rejection(orbctl.info('nope'))).detail?.exitCode).toBe(1);
  });
});

describe('superviseChild', () => {
  it('stops a child that prints more than the limit and says so', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let onExit: (code: number | null, signal: string | null) => void = () => {};
    const kill = vi.fn(() => {
      stdout.end();
      stderr.end();
      onExit(null, 'SIGTERM');
    });
    const launched = superviseChild(
      {
        stdout,
        stderr,
        onSpawn: (listener) => listener(42),
        onExit: (listener) => (onExit = listener),
        interrupt: vi.fn(),
        kill,
      },
      10,
    );
    expect(await launched.spawned).toBe(42);
    stdout.write('0123456789abcdef');
    const outcome = await launched.done;
    expect(outcome).toMatchObject({ tooMuchOutput: true, signal: 'SIGTERM', stdout: '' });
    expect(kill).toHaveBeenCalledTimes(1);
    launched.kill();
    expect(kill).toHaveBeenCalledTimes(1);
  });
});

describe('a utility process that lets its streams go as it exits (as Electron does)', () => {
  // Found by the desktop rehearsal: Electron removes the stdout/stderr listeners while it emits 'exit', so an
  // 'end' after that never came, and the orbctl call (a poll) hung until its timeout.
  it('settles with what was read before the exit', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const child = Object.assign(new EventEmitter(), { pid: 4242, stdout, stderr, kill: () => true });
    const running = superviseChild(forkedChildHandle(child as unknown as ForkedChild), 1 << 20);
    child.emit('spawn');
    stdout.write('[]\n');
    await new Promise((r) => setImmediate(r));
    child.emit('exit', 0, null);
    for (const stream of [stdout, stderr]) stream.removeAllListeners();
    const outcome = await Promise.race([running.done, new Promise((r) => setTimeout(() => r('hung'), 2000))]);
    expect(outcome).toMatchObject({ exitCode: 0, stdout: '[]\n', stderr: '' });
  });
});

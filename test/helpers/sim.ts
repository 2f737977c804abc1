/**
 * Test helpers: run the simulator, each test in its own state folder, fast (high speed, tiny exports). A call
 * runs in this process by default (tools/orbctl-sim/in-process.ts: the same code, the same output and exit
 * codes, no Node start-up); `launch: 'process'` and `spawnSim` run the BUILT executable (dist/sim/orbctl-sim.mjs,
 * built by vitest's global setup) as a real process, for what only a process does (signals, its bundle).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeStore } from '../../tools/orbctl-sim/cli/dispatch';
import { runInProcess } from '../../tools/orbctl-sim/in-process';
import { hidden } from '../../tools/orbctl-sim/commands/hidden';
import { readSimEnv } from '../../tools/orbctl-sim/env';
import { byName } from '../../tools/orbctl-sim/commands/list';
import { recordJson } from '../../tools/orbctl-sim/machines';
import type { SimState } from '../../tools/orbctl-sim/store/state';
import { SIM_PATH } from './sim-path';

/** The built simulator: the one path every test uses. */
export { SIM_PATH };

export interface SimResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SimOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** stdin of a real process; a call in this process has none (no command reads stdin unless it is a terminal). */
  input?: string;
  /** In this process (default) or as the built executable. */
  launch?: 'in-process' | 'process';
}

/**
 * Only what a process needs from the test runner's environment: the rest can cost every simulator start dearly
 * (NODE_EXTRA_CA_CERTS alone doubles Node's start-up: 86 ms to 169 ms measured here).
 */
export function baseEnv(): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG'])
    if (process.env[key]) inherited[key] = process.env[key];
  return inherited;
}

/**
 * The one environment builder for a simulator in a test: no inherited knobs, its state in `home`, fast timings,
 * small exports, no colour; `extra` sets what a test needs (a slower speed, a fault, ORBDECK_ORBCTL).
 */
export function simEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...baseEnv(),
    ORBCTL_SIM_HOME: home,
    ORBCTL_SIM_SPEED: '200',
    ORBCTL_SIM_EXPORT_SCALE: '0.0005',
    ORBCTL_SIM_USER: 'tester',
    NO_COLOR: '1',
    ...extra,
  };
}

/**
 * One parent folder for the state folders of a test process, removed when it exits: test files that share a
 * worker's modules (vitest.config.ts) import this once, so a hook registered here would run after the first only.
 */
let parent: string | null = null;

export function freshHome(): string {
  if (parent === null) {
    const made = mkdtempSync(join(tmpdir(), 'orbctl-sim-tests-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    parent = made;
  }
  return mkdtempSync(join(parent, 'home-'));
}

export function spawnSim(home: string, args: readonly string[], options: SimOptions = {}): ChildProcess {
  return spawn(process.execPath, [SIM_PATH, ...args], {
    env: simEnv(home, options.env),
    cwd: options.cwd ?? home,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess, input?: string): Promise<SimResult> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    // A command that never reads its input may have ended before the input is written (EPIPE): what it printed
    // and its exit code say what happened, as in a shell.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? '');
  });
}

/** Runs one orbctl call and waits for it. */
export function sim(home: string, args: readonly string[], options: SimOptions = {}): Promise<SimResult> {
  if (options.launch === 'process') return collect(spawnSim(home, args, options), options.input);
  return runInProcess(args, { env: simEnv(home, options.env), cwd: options.cwd ?? home }).done.then(
    (outcome) => ({
      code: outcome.exitCode,
      signal: outcome.signal,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
    }),
  );
}

/** A state folder with a simulator bound to it. */
export function simulator(env: Record<string, string> = {}): {
  home: string;
  run: (args: readonly string[], options?: SimOptions) => Promise<SimResult>;
  ok: (args: readonly string[], options?: SimOptions) => Promise<string>;
  json: <T = unknown>(args: readonly string[], options?: SimOptions) => Promise<T>;
  /** `__sim …` run in this process (no spawn): fast set-up with the simulator's own code. */
  setup: (...args: string[]) => Promise<void>;
  /** The stored state as of now, read in this process (transitions resolved as any reader would). */
  state: () => Promise<SimState>;
  /** name → state, read in this process. */
  states: () => Promise<Record<string, string>>;
  /** What `list -f json` would print, built in this process from the stored state (for checks, not for format). */
  records: () => Promise<ListedMachine[]>;
  /** What `list -q` would print, as an array, in this process. */
  names: () => Promise<string[]>;
} {
  const home = freshHome();
  const run = (args: readonly string[], options: SimOptions = {}): Promise<SimResult> =>
    sim(home, args, { ...options, env: { ...env, ...options.env } });
  const ok = async (args: readonly string[], options: SimOptions = {}): Promise<string> => {
    const r = await run(args, options);
    if (r.code !== 0) throw new Error(`orbctl ${args.join(' ')} failed (${r.code}): ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const json = async <T>(args: readonly string[], options: SimOptions = {}): Promise<T> =>
    JSON.parse(await ok(args, options)) as T;
  const setup = async (...args: string[]): Promise<void> => {
    const simEnvironment = readSimEnv(simEnv(home, env));
    const output = {
      stdoutIsTTY: false,
      stderrIsTTY: false,
      stdinIsTTY: false,
      out: () => {},
      err: () => {},
    };
    const code = await hidden(args, simEnvironment, makeStore(simEnvironment), output);
    if (code !== 0) throw new Error(`__sim ${args.join(' ')} failed`);
  };
  const state = async (): Promise<SimState> => makeStore(readSimEnv(simEnv(home, env))).read();
  const states = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await state()).machines.map((m) => [m.name, m.state]));
  const records = async (): Promise<ListedMachine[]> =>
    [...(await state()).machines].sort(byName).map((m) => recordJson(m) as unknown as ListedMachine);
  const names = async (): Promise<string[]> => (await records()).map((m) => m.name);
  return { home, run, ok, json, setup, state, states, records, names };
}

export interface ListedMachine {
  id: string;
  name: string;
  image: { distro: string; version: string; arch: string; variant: string };
  config: { isolated: boolean; default_username: string };
  builtin: boolean;
  state: string;
}

export const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined (or throws after `timeoutMs`). */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await wait(20);
  }
}

/** Options for describe blocks that run processes: generous under a loaded CI machine. */
export const PROCESS_TESTS = { timeout: 30_000 } as const;

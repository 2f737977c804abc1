// What the core benchmarks share (bench.ts and its *-figures.ts): the simulator, a core on a simulator state of
// its own, the rounds to run. Bundled into dist/bench/bench.mjs, so `here` is that file's folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../../electron/core';

export const here = dirname(fileURLToPath(import.meta.url));
export const SIM = join(here, '../sim/orbctl-sim.mjs');
export const rounds = Number(process.env.ORBDECK_BENCH_ROUNDS) || 5;

export function simEnv(home: string, extra: Record<string, string> = {}) {
  return { PATH: process.env.PATH ?? '', ORBCTL_SIM_HOME: home, ORBCTL_SIM_SEED: 'demo', ...extra };
}

/** scripts/lib/demo-host.mjs (plain JS, shared with the UI benchmarks): adds vm-000… to a simulator state. */
const demoHost = (await import(join(here, '../../scripts/lib/demo-host.mjs'))) as {
  addMachines(env: NodeJS.ProcessEnv, count: number): void;
};

export function sim(env: NodeJS.ProcessEnv, ...args: string[]): void {
  const run = spawnSync(SIM, args, { env });
  if (run.status !== 0) throw new Error(`orbctl-sim ${args.join(' ')}: ${String(run.stderr)}`);
}

/** The simulator through a plain asynchronous spawn, reading its output as the adapter does (no execa). */
export function simAsync(env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(SIM, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`orbctl-sim exited ${code}`))));
  });
}

/** A core on its own simulator state with `extra` machines added (vm-0…), and how to throw it away. */
export function benchCore(
  extra: number,
  env: Record<string, string> = {},
  startsVisible = true,
): { core: Core; env: NodeJS.ProcessEnv; done(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-'));
  const simHome = simEnv(join(dir, 'sim'), env);
  demoHost.addMachines(simHome, extra);
  const core = createCore({
    version: 'bench',
    dataDir: join(dir, 'data'),
    demo: true,
    simBinary: SIM,
    env: { ...simHome, ORBDECK_POLL_MS: env.ORBDECK_POLL_MS ?? '60000' },
    startsVisible,
  });
  return {
    core,
    env: simHome,
    async done() {
      await core.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until every listed machine has a disk size (what `orbctl info` adds), polling as a window would. */
export async function untilInfo(
  core: Core,
  names: readonly string[] | null,
  timeoutMs: number,
): Promise<number> {
  const t = performance.now();
  const wanted = names ? new Set(names) : null;
  while (performance.now() - t < timeoutMs) {
    const machines = core.machines.snapshot().machines.filter((m) => !wanted || wanted.has(m.name));
    if (machines.length > 0 && machines.every((m) => m.diskSize !== undefined)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - t;
}

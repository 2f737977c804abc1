/**
 * Shared set-up of the adapter's tests against the orbctl simulator (dist/sim/orbctl-sim.mjs, built by
 * vitest's global setup): a fresh state folder per test, an Orbctl pointed at the simulator, helpers. The
 * simulator runs in this process unless a test asks for `launch: 'process'` (in-process-launcher.ts).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { AppError } from '../../shared/errors';
import { Timing } from '../../electron/core/platform/timing';
import { Orbctl } from '../../electron/core/orbctl/orbctl';
import { runProcess } from '../../electron/core/orbctl/run';
import { inProcessLauncher, type SimLaunch } from './in-process-launcher';
import { tempDir } from './processes';
import { recordTimings } from './timings';
import { SIM_PATH, simEnv } from './sim';

export { SIM_PATH as SIM } from './sim';

// Tests here run concurrently, so each gets its own folder (simulator state, files) under one parent that
// is removed at the end; per-test cleanup hooks cannot tell concurrent tests apart.
let parent: { path: string; remove: () => void };

/** Call once at the top of a test file: one parent folder for the file's tests, removed at the end. */
export function useSimFolders(): void {
  beforeAll(() => {
    parent = tempDir('orbdeck-sim-');
  });
  afterAll(() => parent.remove());
}

export function freshDir(): string {
  return mkdtempSync(join(parent.path, 't-'));
}

/** The adapter's tests drive the simulator as orbctl, a little slower than the simulator's own tests. */
export function adapterEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return simEnv(join(dir, 'state'), {
    ORBDECK_ORBCTL: SIM_PATH,
    ORBCTL_SIM_SPEED: '50',
    ORBCTL_SIM_EXPORT_SCALE: '0.001',
    ORBCTL_SIM_USER: 'mac-user',
    ...extra,
  });
}

export function sim(
  extra: Record<string, string> = {},
  timeouts: Record<string, number> = {},
  launch: SimLaunch = 'in-process',
) {
  const dir = freshDir();
  const timing = new Timing();
  const timings = recordTimings(timing);
  const orbctl = new Orbctl({
    timing,
    env: adapterEnv(dir, extra),
    home: '/Users/me',
    cwd: dir,
    killGraceMs: 500,
    timeouts,
    ...(launch === 'in-process' ? { launcher: inProcessLauncher() } : {}),
  });
  return { orbctl, timing, timings, dir };
}

export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** Runs the simulator directly (bypassing the adapter's own checks) and maps the outcome. */
export async function direct(dir: string, args: string[], launch: SimLaunch = 'in-process') {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(adapterEnv(dir))) if (v !== undefined) env[k] = v;
  const launcher = launch === 'in-process' ? inProcessLauncher() : undefined;
  return runProcess({ file: SIM_PATH, args, env, timeoutMs: 20_000, killGraceMs: 500, launcher });
}

/**
 * Shared set-up of the adapter's tests against the orbctl simulator (dist/sim/orbctl-sim.mjs, built by
 * vitest's global setup): a fresh state folder per test, an Orbctl pointed at the simulator, helpers.
 */
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { AppError } from '../../../shared/errors';
import { Timing } from '../timing';
import { Orbctl } from './orbctl';
import { runProcess } from './run';
import { tempDir } from './test-support';

export const SIM = resolve(fileURLToPath(new URL('../../../dist/sim/orbctl-sim.mjs', import.meta.url)));

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

export function simEnv(dir: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    ORBDECK_ORBCTL: SIM,
    ORBCTL_SIM_HOME: join(dir, 'state'),
    ORBCTL_SIM_SPEED: '50',
    ORBCTL_SIM_EXPORT_SCALE: '0.001',
    ORBCTL_SIM_USER: 'mac-user',
    ...extra,
  };
}

export function sim(extra: Record<string, string> = {}, timeouts: Record<string, number> = {}) {
  const dir = freshDir();
  const timing = new Timing();
  const orbctl = new Orbctl({
    timing,
    env: simEnv(dir, extra),
    home: '/Users/me',
    cwd: dir,
    killGraceMs: 500,
    timeouts,
  });
  return { orbctl, timing, dir };
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
export async function direct(dir: string, args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(simEnv(dir))) if (v !== undefined) env[k] = v;
  return runProcess({ file: SIM, args, env, timeoutMs: 20_000, killGraceMs: 500 });
}

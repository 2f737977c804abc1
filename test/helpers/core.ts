// The whole core (router, jobs, adapter, history) against the real simulator, as the app runs it: shared
// set-up of the core's integration tests. Each test gets its own data folder and simulator state. The core's
// orbctl calls run the simulator in this process unless a test asks for `launch: 'process'`
// (in-process-launcher.ts); so does `sim` below, the terminal beside the app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Job } from '../../shared/jobs';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app-core';
import { runInProcess } from '../../tools/orbctl-sim/in-process';
import { inProcessLauncher, type SimLaunch } from './in-process-launcher';
import { baseEnv, SIM_PATH, simEnv } from './sim';
import { recordTimings } from './timings';

export { SIM_PATH as SIM } from './sim';
const cores: Core[] = [];

/** Call once at the top of a test file: every core a test starts is disposed after it. */
export function disposeCoresAfterEach(): void {
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
  });
}

/** Forgets a core the test disposed itself. */
export function forgetCore(core: Core): void {
  cores.splice(cores.indexOf(core), 1);
}

/**
 * Runs the simulator's own CLI against a state folder, as someone at a terminal beside the app would: the same
 * code as the executable, in this process (tools/orbctl-sim/in-process.ts).
 */
export async function sim(
  home: string,
  ...args: string[]
): Promise<{ status: number | null; stdout: string }> {
  const { exitCode, stdout } = await runInProcess(args, {
    env: { ...baseEnv(), ORBCTL_SIM_HOME: home },
    cwd: home,
  }).done;
  return { status: exitCode, stdout };
}

export function startCore(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-core-')),
  extra: Pick<CoreOptions, 'desktop'> & { launch?: SimLaunch } = {},
) {
  const simHome = join(dataDir, 'sim');
  const { launch = 'in-process', ...options } = extra;
  const core = createCore({
    version: 'test',
    dataDir,
    demo: true,
    simBinary: SIM_PATH,
    ...(launch === 'in-process' ? { simLauncher: inProcessLauncher() } : {}),
    ...options,
    env: simEnv(simHome, {
      ORBCTL_SIM_SEED: 'demo',
      ORBCTL_SIM_SPEED: '40',
      ORBCTL_SIM_EXPORT_SCALE: '0.002',
      ...env,
    }),
  });
  cores.push(core);
  const timings = recordTimings(core.timing);
  const seen: Job[] = [];
  core.events.on('jobs:changed', (job) => seen.push(job));
  const invokeOver =
    (transport: 'headless' | 'electron') =>
    async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await core.router.invoke(channel, request, { transport });
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.data as T;
    };
  const invoke = invokeOver('headless');
  const finished = async (id: string): Promise<Job> => {
    await core.jobs.whenIdle();
    return core.jobs.get(id);
  };
  const outDir = mkdtempSync(join(tmpdir(), 'orbdeck-out-'));
  return {
    core,
    timings,
    seen,
    invoke,
    invokeAsElectron: invokeOver('electron'),
    finished,
    outDir,
    dataDir,
    simHome,
  };
}

export const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

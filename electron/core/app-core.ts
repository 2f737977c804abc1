import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { EventHub } from './events';
import { registerAppHandlers } from './ipc/handlers/app';
import { registerJobHandlers } from './ipc/handlers/jobs';
import { registerMachineHandlers } from './ipc/handlers/machines';
import { Router } from './ipc/router';
import { JobManager } from './jobs/job-manager';
import { MachineStore } from './machines/machine-store';
import { Orbctl } from './orbctl';
import { Timing } from './timing';

export interface CoreOptions {
  version: string;
  dataDir: string;
  /** Use the built-in simulator (given as `simBinary`) instead of the real orbctl. */
  demo: boolean;
  simBinary?: string;
  env?: NodeJS.ProcessEnv;
}

/** Everything the main process runs, without Electron: both transports sit on top of this. */
export interface Core {
  readonly events: EventHub;
  readonly router: Router;
  readonly machines: MachineStore;
  readonly jobs: JobManager;
  readonly orbctl: Orbctl;
  readonly timing: Timing;
  dispose(): Promise<void>;
}

/** The environment orbctl runs with: in demo mode the simulator is orbctl, and says so in AppInfo. */
export function orbctlEnvironment(options: CoreOptions): NodeJS.ProcessEnv {
  const env = { ...(options.env ?? process.env) };
  if (!options.demo) return env;
  if (!options.simBinary) throw new Error('Demo mode needs the simulator binary.');
  return {
    ...env,
    ORBDECK_ORBCTL: options.simBinary,
    ORBCTL_SIM_HOME: env.ORBCTL_SIM_HOME || join(options.dataDir, 'demo-orbstack'),
    ORBCTL_SIM_SEED: env.ORBCTL_SIM_SEED ?? 'demo',
  };
}

export function createCore(options: CoreOptions): Core {
  const env = orbctlEnvironment(options);
  const events = new EventHub();
  const timing = new Timing({ logFile: join(options.dataDir, 'logs', 'orbdeck.log') });
  const router = new Router((channel, error) =>
    timing.note('ERROR', `Unexpected error in ${channel}: ${String(error)}`),
  );
  const orbctl = new Orbctl({ timing, env });
  const pollMs = Number(env.ORBDECK_POLL_MS) || undefined;
  const machines = new MachineStore({
    events,
    source: {
      list: (signal) => orbctl.list({ signal, quiet: true }),
      defaultName: (signal) => orbctl.getDefault({ signal, quiet: true }),
    },
    intervals: pollMs ? { visibleMs: pollMs, fastMs: Math.min(pollMs, 700) } : {},
  });
  const jobs = new JobManager({
    events,
    wrap: (job, work) => timing.time(`job ${job.title}`, work, { kind: job.kind, machine: job.machine }),
  });

  const info: Omit<AppInfo, 'transport'> = {
    name: 'OrbDeck',
    version: options.version,
    demo: options.demo,
    platform: process.platform,
    dataDir: options.dataDir,
  };
  registerAppHandlers(router, info);
  registerMachineHandlers(router, { orbctl, machines, jobs });
  registerJobHandlers(router, jobs);
  const missing = router.unhandled();
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);

  machines.start();
  return {
    events,
    router,
    machines,
    jobs,
    orbctl,
    timing,
    async dispose() {
      machines.stop();
      jobs.cancelAll();
      await Promise.race([jobs.whenIdle(), new Promise((r) => setTimeout(r, 5000))]);
      await timing.close();
    },
  };
}

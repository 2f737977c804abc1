import { basename } from 'node:path';
import { recoverRevert } from './checkpoints/revert';
import type { CheckpointStore } from './checkpoints/store';
import type { FileGrants } from './file-access/grants';
import { FEATURES } from './features';
import type { Router } from './ipc/router';
import type { JobHistory } from './jobs/history';
import type { JobManager } from './jobs/job-manager';
import { recoverInterruptedJobs } from './jobs/recovery';
import type { Machines } from './machines/machines';
import type { Orbctl } from './orbctl';
import type { EventHub } from './platform/events';
import type { Notices } from './platform/notices';
import type { SettingsStore } from './platform/settings-store';
import type { Timing } from './platform/timing';
import type { PresetStore } from './presets/preset-store';
import type { SandboxStore } from './sandboxes/sandbox-store';
import { createServices, type CoreOptions, type CoreServices } from './services';
import type { PolicyStore } from './start-policy/policy-store';

export { orbctlEnvironment, type CoreOptions } from './services';

/** Everything the main process runs, without Electron: both hosts sit on top of this. */
export interface Core {
  readonly events: EventHub;
  readonly router: Router;
  readonly machines: Machines;
  readonly jobs: JobManager;
  readonly orbctl: Orbctl;
  readonly timing: Timing;
  readonly settings: SettingsStore;
  readonly history: JobHistory;
  readonly notices: Notices;
  /** Files the person chose in Electron (dialogs, drops, the Dock), handed to the window as grants. */
  readonly grants: FileGrants;
  /** The presets (the tray's New from Preset). */
  readonly presets: PresetStore;
  /** The sandboxes (the desktop app's notifications name them). */
  readonly sandboxes: SandboxStore;
  /** The start policies (the tray's Start and Stop of the machines that start and stop with OrbDeck). */
  readonly policies: PolicyStore;
  /** The checkpoint records: which machines are checkpoints (the tray lists and counts the others). */
  readonly checkpoints: CheckpointStore;
  /**
   * Settles once jobs interrupted by the last exit are cleaned up and in the history; polling and new jobs
   * start after it.
   */
  readonly ready: Promise<void>;
  /** A headless-host connection closed. */
  clientGone(client: string): void;
  dispose(): Promise<void>;
}

/** How long quitting waits for the parts' last work (stopping the machines that stop with OrbDeck). */
const QUIT_HOOKS_MS = 30_000;

/** Makes the services, registers every feature's handlers, puts right what the last exit left, then polls. */
export function createCore(options: CoreOptions): Core {
  const services = createServices(options);
  const { router, machines, jobs, timing, setup, history, settings, insides } = services;
  // Read before any job of this run can write its own record.
  const interrupted = services.journal.leftovers();
  for (const register of Object.values(FEATURES)) register(router, services);
  const missing = router.unhandled();
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);

  let ready: Promise<void> = Promise.resolve();
  let disposed = false;
  if (interrupted.records.length === 0 && interrupted.damaged.length === 0) machines.start();
  else {
    ready = recoverAfterCrash(services, interrupted);
    jobs.hold(ready);
    void ready.then(() => {
      if (!disposed) machines.start();
    });
  }
  return {
    ...services,
    ready,
    clientGone: (client) => {
      services.visibility.remove(client);
      insides.watchers.remove(client);
    },
    async dispose() {
      disposed = true;
      await Promise.race([ready, new Promise((r) => setTimeout(r, 5000))]);
      // Machines that stop when OrbDeck quits are stopped while the machines are still followed.
      await services.quitHooks.run(QUIT_HOOKS_MS);
      insides.dispose();
      machines.stop();
      await setup.dispose();
      jobs.cancelAll();
      await Promise.race([jobs.whenIdle(), new Promise((r) => setTimeout(r, 5000))]);
      history.close();
      settings.flush();
      await timing.close();
    },
  };
}

/** Jobs the last exit cut short: each is put in order (a revert from its plan) and recorded as it ended. */
function recoverAfterCrash(
  services: CoreServices,
  interrupted: ReturnType<CoreServices['journal']['leftovers']>,
): Promise<void> {
  const { orbctl, jobs, history, timing } = services;
  const locatedOrbctl = () => {
    try {
      return orbctl.binary().path;
    } catch {
      return null;
    }
  };
  return recoverInterruptedJobs(
    {
      journal: services.journal,
      historyIds: () => new Set(history.list().map((e) => e.id)),
      listMachines: () => orbctl.list({ quiet: true }),
      record: (job) => jobs.adopt(job),
      notices: services.notices,
      log: (level, message) => timing.note(level, message),
      isOrbctl: (binary) => basename(binary).startsWith('orbctl') || binary === locatedOrbctl(),
      explain: (record) =>
        record.kind === 'revert' ? recoverRevert(record.machine, services) : Promise.resolve(null),
    },
    interrupted,
  ).then(
    () => undefined,
    (error: unknown) => timing.note('ERROR', `Recovery after a crash: ${String(error)}`),
  );
}

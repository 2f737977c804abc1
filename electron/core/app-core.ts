import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { EventHub } from './platform/events';
import { ExportTargets } from './transfers/export-target';
import { FileAccess } from './file-access/file-access';
import { FileGrants } from './file-access/grants';
import { registerAppHandlers } from './app/handlers';
import { registerDesktopHandlers } from './desktop/handlers';
import { registerJobHandlers } from './jobs/handlers';
import { registerNoticeHandlers } from './app/notice-handlers';
import { registerTransferHandlers } from './transfers/handlers';
import { SetupWatch } from './machines/setup-watch';
// Verified exports and checkpoints.
import { CheckpointStore } from './checkpoints/store';
import { RevertPlans, recoverRevert } from './checkpoints/revert';
import { registerCheckpointHandlers } from './checkpoints/handlers';
import { registerTrustHandlers } from './transfers/verify-handlers';
import { registerInsideHandlers } from './run/handlers';
import { registerPresetHandlers } from './presets/handlers';
import { registerDeepLinkHandlers } from './links/handlers';
import { PresetStore } from './presets/preset-store';
import { RunHistory } from './run/run-history';
import { RunOutputs } from './run/run-outputs';
import { JobHistory } from './jobs/history';
import type { UploadedFiles } from './file-access/uploaded-files';
import { registerMachineHandlers } from './machines/handlers';
import { Router } from './ipc/router';
import { JobManager } from './jobs/job-manager';
import { JobJournal } from './jobs/journal';
import { recoverInterruptedJobs } from './jobs/recovery';
import { Notices } from './platform/notices';
import { ClientVisibility } from './machines/client-visibility';
import { Machines } from './machines/machines';
import { Orbctl } from './orbctl';
import type { ProcessLauncher } from './orbctl/run';
import { parseTimeouts } from './orbctl/timeouts-env';
import { SettingsStore } from './platform/settings-store';
import { HEADLESS_DESKTOP, type Desktop } from './platform/desktop';
import { Timing } from './platform/timing';
import { MachineInsides } from './usage/machine-insides';
import { registerUsageHandlers } from './usage/handlers';

export interface CoreOptions {
  version: string;
  dataDir: string;
  /** Use the built-in simulator (given as `simBinary`) instead of the real orbctl. */
  demo: boolean;
  simBinary?: string;
  /**
   * How the simulator is started in demo mode (the packaged app: an Electron utility process, since the
   * RunAsNode fuse is off). Ignored outside demo mode, where orbctl is always started as itself.
   */
  simLauncher?: ProcessLauncher;
  env?: NodeJS.ProcessEnv;
  /** What the transport can do on the user's desktop (Electron); the headless host cannot. */
  desktop?: Desktop;
  /** The headless host receives dropped files as uploads (Electron knows their paths): the host's store of them. */
  uploads?: UploadedFiles;
  /**
   * Whether a window counts as visible before any says so: true for Electron (main follows its windows),
   * false for the headless host, where no page may ever be opened.
   */
  startsVisible?: boolean;
}

/** Everything the main process runs, without Electron: both transports sit on top of this. */
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
  /**
   * Settles once jobs interrupted by the last exit are cleaned up and in the history; polling and new jobs
   * start after it.
   */
  readonly ready: Promise<void>;
  /** A headless-host connection closed. */
  clientGone(client: string): void;
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
  const notices = new Notices(events);
  const settings = new SettingsStore(join(options.dataDir, 'settings.json'), events, { notices });
  if (settings.loadProblem) timing.note('WARN', `Settings: ${settings.loadProblem}`);
  const { timeouts, problems } = parseTimeouts(env.ORBDECK_ORBCTL_TIMEOUTS);
  for (const problem of problems) timing.note('WARN', `ORBDECK_ORBCTL_TIMEOUTS: ${problem}`);
  const journal = new JobJournal(join(options.dataDir, 'running-jobs'), { notices });
  // Read before any job of this run can write its own record.
  const interrupted = journal.leftovers();
  const orbctl = new Orbctl({
    timing,
    env,
    timeouts,
    savedPath: settings.get().orbctlPath,
    ...(options.demo && options.simLauncher ? { launcher: options.simLauncher } : {}),
    processes: journal,
  });
  settings.onChange((now, before) => {
    if (now.orbctlPath !== before.orbctlPath) {
      orbctl.setSavedPath(now.orbctlPath);
      void machines.refresh();
    }
    if (now.pollIntervalMs !== before.pollIntervalMs)
      machines.setIntervals({ visibleMs: now.pollIntervalMs });
  });
  const pollMs = Number(env.ORBDECK_POLL_MS) || settings.get().pollIntervalMs;
  const machines = new Machines({
    events,
    source: {
      list: (signal) => orbctl.list({ signal, quiet: true }),
      defaultName: (signal) => orbctl.getDefault({ signal, quiet: true }),
      info: (name, signal, background) => orbctl.info(name, { signal, quiet: true, background }),
    },
    intervals: { visibleMs: pollMs, fastMs: Math.min(pollMs, 700) },
    // A headless host with no page open polls as a hidden window does, until a page says it is visible.
    visible: options.startsVisible ?? true,
  });
  const history = new JobHistory(join(options.dataDir, 'history.jsonl'), { notices });
  if (history.skipped) timing.note('WARN', `History: skipped ${history.skipped} unreadable line(s)`);
  const jobs = new JobManager({
    events,
    wrap: (job, work) => timing.time(`job ${job.title}`, work, { kind: job.kind, machine: job.machine }),
    onStarted: (job, spec, signal) => journal.started(job, spec, signal),
    // History first: a crash between the two leaves a record whose job the history already holds.
    onFinished: (job) => {
      history.add(job);
      journal.finished(job.id);
    },
    onError: (error) => timing.note('ERROR', `Job manager: ${String(error)}`),
  });
  const uploads = options.uploads ?? null;
  const home = env.HOME || homedir();
  const grants = new FileGrants();
  const files = new FileAccess(grants, home);
  const exportTargets = new ExportTargets(home);

  const info: Omit<AppInfo, 'transport'> = {
    name: 'OrbDeck',
    version: options.version,
    demo: options.demo,
    platform: process.platform,
    dataDir: options.dataDir,
  };
  const visibility = new ClientVisibility((visible) => machines.setVisible(visible));
  const desktop = options.desktop ?? HEADLESS_DESKTOP;
  registerAppHandlers(router, { info, orbctl, settings, machines, visibility, desktop, env, home });
  // A machine created with cloud-init is set up until cloud-init has finished in it.
  const setup = new SetupWatch({
    orbctl,
    machines,
    events,
    file: join(options.dataDir, 'setup.json'),
    onProblem: (problem) => timing.note('WARN', `The machines being set up could not be saved: ${problem}`),
  });
  registerMachineHandlers(router, {
    orbctl,
    machines,
    jobs,
    desktop,
    files,
    setup,
    dataDir: options.dataDir,
  });
  registerTransferHandlers(router, {
    orbctl,
    machines,
    jobs,
    settings,
    uploads,
    files,
    exportTargets,
    events,
    home,
    history: () => history.list(),
    releaseUpload: (path) => uploads?.release(path),
    orbstackVersion: () => orbctl.version({ quiet: true }).then((v) => v.version),
    knownMachine: (name) => machines.snapshot().machines.find((m) => m.name === name),
  });
  // Verified exports and checkpoints.
  registerTrustHandlers(router, { events, files, exportTargets });
  const checkpoints = new CheckpointStore(join(options.dataDir, 'checkpoints.json'), {
    onChange: () => events.emit('checkpoints:changed', checkpoints.list(machines.snapshot().machines, true)),
    onProblem: (problem) => timing.note('WARN', `Checkpoint labels could not be saved: ${problem}`),
  });
  const checkpointDeps = {
    orbctl,
    machines,
    jobs,
    store: checkpoints,
    plans: new RevertPlans(join(options.dataDir, 'reverts')),
  };
  registerCheckpointHandlers(router, checkpointDeps);
  // Run commands in machines, copy files out.
  registerInsideHandlers(router, {
    orbctl,
    machines,
    jobs,
    outputs: new RunOutputs(events),
    runHistory: new RunHistory(join(options.dataDir, 'run-history.json')),
    files,
    desktop,
    grants,
    home,
  });
  const presets = new PresetStore(join(options.dataDir, 'presets.json'));
  if (presets.loadProblem) notices.add('warning', `Presets: ${presets.loadProblem}.`);
  registerPresetHandlers(router, {
    orbctl,
    machines,
    jobs,
    setup,
    files,
    events,
    presets,
    dataDir: options.dataDir,
  });
  registerDeepLinkHandlers(router, { presets, settings, home });
  // What runs inside machines: usage, ports, disk over time; read only while a visible window shows it.
  const insides = new MachineInsides({
    orbctl,
    machines,
    jobs,
    events,
    notices,
    home,
    dataDir: options.dataDir,
    clientVisible: (client) => visibility.isVisible(client),
    onProblem: (problem) => timing.note('WARN', `Usage: ${problem}`),
  });
  registerUsageHandlers(router, {
    insides,
    desktop,
    knownMachine: (n) => !!machines.snapshot().machines.find((m) => m.name === n),
  });
  registerJobHandlers(router, jobs, history);
  registerDesktopHandlers(router, desktop, grants);
  registerNoticeHandlers(router, notices);
  const missing = router.unhandled();
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`);

  const locatedOrbctl = () => {
    try {
      return orbctl.binary().path;
    } catch {
      return null;
    }
  };
  let ready: Promise<void> = Promise.resolve();
  let disposed = false;
  if (interrupted.records.length === 0 && interrupted.damaged.length === 0) machines.start();
  else {
    ready = recoverInterruptedJobs(
      {
        journal,
        historyIds: () => new Set(history.list().map((e) => e.id)),
        listMachines: () => orbctl.list({ quiet: true }),
        record: (job) => jobs.adopt(job),
        notices,
        log: (level, message) => timing.note(level, message),
        isOrbctl: (binary) => basename(binary).startsWith('orbctl') || binary === locatedOrbctl(),
        // A revert cut short is put in order from its plan.
        explain: (record) =>
          record.kind === 'revert' ? recoverRevert(record.machine, checkpointDeps) : Promise.resolve(null),
      },
      interrupted,
    ).then(
      () => undefined,
      (error: unknown) => timing.note('ERROR', `Recovery after a crash: ${String(error)}`),
    );
    jobs.hold(ready);
    void ready.then(() => {
      if (!disposed) machines.start();
    });
  }
  return {
    events,
    router,
    machines,
    jobs,
    orbctl,
    timing,
    settings,
    history,
    notices,
    grants,
    presets,
    ready,
    clientGone: (client) => {
      visibility.remove(client);
      insides.watchers.remove(client);
    },
    async dispose() {
      disposed = true;
      await Promise.race([ready, new Promise((r) => setTimeout(r, 5000))]);
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

import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { CheckpointStore } from './checkpoints/store';
import { RevertPlans } from './checkpoints/revert';
import { checkpointWayBack } from './checkpoints/way-back';
import { FileAccess } from './file-access/file-access';
import { FileGrants } from './file-access/grants';
import type { UploadedFiles } from './file-access/uploaded-files';
import { Router } from './ipc/router';
import { JobHistory } from './jobs/history';
import { JobManager } from './jobs/job-manager';
import { JobJournal } from './jobs/journal';
import { ClientVisibility } from './machines/client-visibility';
import { MachineLimitsCache } from './machines/machine-limits';
import { Machines } from './machines/machines';
import { SetupWatch } from './machines/setup-watch';
import { Orbctl } from './orbctl';
import { orbctlAnswer } from './orbctl/choose';
import type { ProcessLauncher } from './orbctl/run';
import { parseTimeouts } from './orbctl/timeouts-env';
import { HEADLESS_DESKTOP, type Desktop } from './platform/desktop';
import { EventHub } from './platform/events';
import { Notices } from './platform/notices';
import { SettingsStore } from './platform/settings-store';
import { Timing } from './platform/timing';
import { QuitHooks } from './platform/quit-hooks';
import { PresetStore } from './presets/preset-store';
import type { GoldenCheckpoints } from './sandboxes/golden';
import { SandboxStore } from './sandboxes/sandbox-store';
import { PolicyStore } from './start-policy/policy-store';
import { ExportTargets } from './transfers/export-target';
import { MachineInsides } from './usage/machine-insides';

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

/**
 * The collaborators of the core, made once: every feature registers its handlers from this one object and takes
 * what it needs from it (each feature's handlers declare which, as a `Pick` of it).
 */
export interface CoreServices {
  readonly info: Omit<AppInfo, 'transport'>;
  readonly dataDir: string;
  /** The environment and home folder orbctl runs with. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly events: EventHub;
  readonly router: Router;
  readonly timing: Timing;
  readonly notices: Notices;
  readonly settings: SettingsStore;
  readonly orbctl: Orbctl;
  readonly machines: Machines;
  /** Each machine's CPU, memory and disk limits, read once per change. */
  readonly limits: MachineLimitsCache;
  /** Which windows are visible: machines are polled faster while one is. */
  readonly visibility: ClientVisibility;
  readonly jobs: JobManager;
  readonly history: JobHistory;
  readonly journal: JobJournal;
  /** Files the person chose in Electron (dialogs, drops, the Dock), handed to the window as grants. */
  readonly grants: FileGrants;
  /** Which host paths a request may read or write. */
  readonly files: FileAccess;
  readonly exportTargets: ExportTargets;
  /** Uploaded files, where the host receives them (the headless host); null in Electron. */
  readonly uploads: UploadedFiles | null;
  /** What only a desktop app can do; the headless host's can do nothing. */
  readonly desktop: Desktop;
  /** Machines created with cloud-init, until it has finished in them. */
  readonly setup: SetupWatch;
  readonly presets: PresetStore;
  /** What OrbDeck knows about checkpoints, and the plans of reverts under way. */
  readonly checkpoints: CheckpointStore;
  readonly revertPlans: RevertPlans;
  /** What runs inside machines: usage, ports, disk over time; read only while a visible window shows it. */
  readonly insides: MachineInsides;
  /** Which machines are sandboxes, and their golden checkpoints (made through the checkpoints' way back). */
  readonly sandboxes: SandboxStore;
  readonly goldens: GoldenCheckpoints;
  /** Which machines start with OrbDeck and stop when it quits. */
  readonly policies: PolicyStore;
  /** What the parts do as the core stops. */
  readonly quitHooks: QuitHooks;
}

/**
 * How big the demo's export files are against a real export's (ORBCTL_SIM_EXPORT_SCALE): a "just looking"
 * demo must not write hundreds of megabytes into the person's folders. The export dialogs say so.
 */
export const DEMO_EXPORT_SCALE = '0.01';

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
    ORBCTL_SIM_EXPORT_SCALE: env.ORBCTL_SIM_EXPORT_SCALE || DEMO_EXPORT_SCALE,
  };
}

/** Makes every collaborator, in the order they need each other. Nothing runs yet: no poll, no job. */
export function createServices(options: CoreOptions): CoreServices {
  const env = orbctlEnvironment(options);
  const { dataDir } = options;
  const events = new EventHub();
  const timing = new Timing({ logFile: join(dataDir, 'logs', 'orbdeck.log') });
  const router = new Router((channel, error) =>
    timing.note('ERROR', `Unexpected error in ${channel}: ${String(error)}`),
  );
  const notices = new Notices(events);
  const settings = new SettingsStore(join(dataDir, 'settings.json'), events, { notices });
  if (settings.loadProblem) timing.note('WARN', `Settings: ${settings.loadProblem}`);
  const { timeouts, problems } = parseTimeouts(env.ORBDECK_ORBCTL_TIMEOUTS);
  for (const problem of problems) timing.note('WARN', `ORBDECK_ORBCTL_TIMEOUTS: ${problem}`);
  const journal = new JobJournal(join(dataDir, 'running-jobs'), { notices });
  const home = env.HOME || homedir();
  const orbctl = new Orbctl({
    timing,
    env,
    timeouts,
    savedPath: settings.get().orbctlPath,
    // A saved orbctl is checked as orbctl:choose checks it, at every start, before anything runs it.
    vetSavedPath: async (path) => {
      const answer = await orbctlAnswer(path, env, home);
      return 'problem' in answer ? answer.problem : null;
    },
    ...(options.demo && options.simLauncher ? { launcher: options.simLauncher } : {}),
    processes: journal,
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
  settings.onChange((now, before) => {
    if (now.orbctlPath !== before.orbctlPath) {
      orbctl.setSavedPath(now.orbctlPath);
      void machines.refresh();
    }
    if (now.pollIntervalMs !== before.pollIntervalMs)
      machines.setIntervals({ visibleMs: now.pollIntervalMs });
  });
  const history = new JobHistory(join(dataDir, 'history.jsonl'), { notices });
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
  const limits = new MachineLimitsCache({
    supported: () =>
      orbctl.capabilities({ quiet: true }).then(
        (c) => c.resourceLimits,
        () => false,
      ),
    read: () => orbctl.machineLimits({ quiet: true }),
  });
  // For as long as the core lives (the event hub is its own).
  limits.follow(events);
  const grants = new FileGrants();
  const checkpoints: CheckpointStore = new CheckpointStore(join(dataDir, 'checkpoints.json'), {
    onChange: () => events.emit('checkpoints:changed', checkpoints.list(machines.snapshot().machines, true)),
    onProblem: (problem) => timing.note('WARN', `Checkpoint labels could not be saved: ${problem}`),
  });
  const visibility = new ClientVisibility((visible) => machines.setVisible(visible));
  const presets = new PresetStore(join(dataDir, 'presets.json'));
  const setup = new SetupWatch({
    orbctl,
    machines,
    events,
    file: join(dataDir, 'setup.json'),
    onProblem: (problem) => timing.note('WARN', `The machines being set up could not be saved: ${problem}`),
  });
  // What could not be read back at start is said once, as damaged settings are.
  for (const [what, problem] of [
    ['Presets', presets.loadProblem],
    ['Machines being set up', setup.loadProblem],
    ['Checkpoints', checkpoints.loadProblem],
  ] as const) {
    if (problem) notices.add('warning', `${what}: ${problem}.`);
  }
  const savingProblem = (what: string) => (problem: string) =>
    timing.note('WARN', `${what} could not be saved: ${problem}`);
  const services: Omit<CoreServices, 'goldens'> = {
    info: {
      name: 'OrbDeck',
      version: options.version,
      demo: options.demo,
      ...(options.demo ? { demoExportScale: Number(env.ORBCTL_SIM_EXPORT_SCALE) || 1 } : {}),
      platform: process.platform,
      dataDir,
    },
    dataDir,
    env,
    home,
    events,
    router,
    timing,
    notices,
    settings,
    orbctl,
    machines,
    limits,
    visibility,
    jobs,
    history,
    journal,
    grants,
    files: new FileAccess(grants, home, {
      dataDir,
      isUpload: (path) => options.uploads?.isUpload(path) ?? false,
    }),
    exportTargets: new ExportTargets(home),
    uploads: options.uploads ?? null,
    desktop: options.desktop ?? HEADLESS_DESKTOP,
    setup,
    presets,
    checkpoints,
    revertPlans: new RevertPlans(join(dataDir, 'reverts')),
    insides: new MachineInsides({
      orbctl,
      machines,
      jobs,
      events,
      notices,
      home,
      dataDir,
      clientVisible: (client) => visibility.isVisible(client),
      onProblem: (problem) => timing.note('WARN', `Usage: ${problem}`),
    }),
    sandboxes: new SandboxStore({
      file: join(dataDir, 'sandboxes.json'),
      onChange: (records) => events.emit('sandboxes:changed', records),
      onProblem: savingProblem('The sandboxes'),
    }),
    policies: new PolicyStore({
      file: join(dataDir, 'start-policy.json'),
      onChange: (records) => events.emit('policy:changed', records),
      onProblem: savingProblem('The start policies'),
    }),
    quitHooks: new QuitHooks(),
  };
  return { ...services, goldens: checkpointWayBack(services) };
}

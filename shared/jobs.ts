import type { AppErrorData } from './errors';

/**
 * Jobs: every action on a machine runs as a job in the main process, so that it survives a reload of the
 * window, queues behind other work on the same machine, can be cancelled, and leaves an honest record.
 */
export const JOB_KINDS = [
  'create',
  'start',
  'stop',
  'restart',
  'delete',
  'rename',
  'clone',
  'export',
  'import',
  'set-default',
  // A machine's CPU, memory and disk limits (orbctl ≥ 2.2), changed while it is stopped.
  'set-limits',
  'push',
  // A revert to a checkpoint (stop, set aside, clone back, start), one job of several steps.
  'revert',
  // A command run in a machine, a file copied out of one.
  'run',
  'pull',
  // What an agent asked that is not a job of its own: a read, or a request OrbDeck refused (ends at once).
  'agent',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** What a machine's row says while a job of each kind runs on it (every kind has its words). */
export const BUSY_WORDS: Record<JobKind, string> = {
  create: 'Creating…',
  start: 'Starting…',
  stop: 'Stopping…',
  restart: 'Restarting…',
  delete: 'Deleting…',
  rename: 'Renaming…',
  clone: 'Cloning…',
  export: 'Exporting…',
  import: 'Importing…',
  'set-default': 'Updating…',
  'set-limits': 'Updating…',
  push: 'Copying files…',
  revert: 'Reverting…',
  run: 'Running a command…',
  pull: 'Copying a file out…',
  // Over as soon as it is asked: never shown as busy, but every kind has its words.
  agent: 'Answering an agent…',
};

/**
 * The kinds that change a machine's own life: it is made, started, stopped, renamed, copied, brought back or
 * given new limits. Only their failures mark the machine's row and its inspector; a command run in it, a file
 * copied in or out and an export end in their own window and in Activity.
 */
export const LIFECYCLE_JOB_KINDS: readonly JobKind[] = [
  'create',
  'start',
  'stop',
  'restart',
  'delete',
  'rename',
  'clone',
  'import',
  'revert',
  'set-limits',
];

export function isLifecycleJob(job: Pick<Job, 'kind'>): boolean {
  return LIFECYCLE_JOB_KINDS.includes(job.kind);
}

/**
 * Whether a job can change the limits `config show` gives machines (docs/orbctl.md#config): one that makes,
 * removes or renames a machine, or changes its limits. A start, a stop or a restart changes none: limits set
 * apply when the machine next starts, and are kept as set.
 */
export function changesLimits(job: Pick<Job, 'kind'>): boolean {
  return isLifecycleJob(job) && job.kind !== 'start' && job.kind !== 'stop' && job.kind !== 'restart';
}

/** The kinds that bring a new machine into the list (a window shows it as a placeholder row until it exists). */
const NEW_MACHINE_KINDS: readonly JobKind[] = ['create', 'clone', 'import'];

/** The name of the machine a job is bringing into being, or null when it brings none. */
export function jobNewMachine(job: Pick<Job, 'kind' | 'machine' | 'touches'>): string | null {
  if (!NEW_MACHINE_KINDS.includes(job.kind)) return null;
  // A clone acts on its source; the new name is the other machine it takes (`touches`).
  return job.kind === 'clone' ? (job.touches?.[0] ?? null) : job.machine;
}

/** The kinds that move a whole disk around; at most a few of them run at once. */
export const HEAVY_JOB_KINDS: readonly JobKind[] = ['clone', 'export', 'import'];

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export const FINISHED_JOB_STATES: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

export interface JobProgress {
  /** Bytes done so far, when they can be observed (export: the output file's size). */
  bytesDone?: number;
  /** Bytes expected; absent when unknown (indeterminate bar). */
  bytesTotal?: number;
  /** 0..1 when known. */
  fraction?: number;
  /** Estimated milliseconds left; always presented as an estimate. */
  etaMs?: number;
  /** Where the estimate came from, e.g. "from 3 earlier exports". */
  basis?: string;
  /** The step a job of several steps is at, e.g. 2 of 4, "Setting web's current state aside". */
  step?: { index: number; count: number; words: string };
}

export interface Job {
  id: string;
  kind: JobKind;
  /** The machine acted on (for create/import: the new machine's name). */
  machine: string;
  /**
   * Other machine names the job takes while it runs, e.g. a clone's or a rename's new name: they are busy too,
   * and a new machine must not be given one of them.
   */
  touches?: string[];
  /** One line for people: "Export ubuntu to ubuntu-20261126-101500.tar.zst". */
  title: string;
  state: JobState;
  /** Epoch ms. */
  createdAt: number;
  startedAt?: number;
  endedAt?: number;
  /** Why it waits, when queued: "waiting for Start ubuntu". */
  waitingFor?: string;
  progress?: JobProgress;
  error?: AppErrorData;
  /** Files involved (export target, import source). */
  path?: string;
  /** Size of what was written or read, when known. */
  bytes?: number;
  /** The size the work is about: the machine's disk for export and clone, the file for import. */
  sourceBytes?: number;
  /** How long it ran (monotonic clock), once finished. */
  durationMs?: number;
  cancellable: boolean;
  /** Grows with every change of any job (set by the job manager). */
  rev?: number;
  /**
   * What really happened, in words, when it differs from the plain outcome: e.g. a cancelled import whose
   * machine was created anyway. The UI shows it and offers the follow-up (delete) where `leftover` says so.
   */
  outcome?: string;
  leftover?: { machine: string };
  /** Who asked for it, when not the person: an agent, through the agent endpoint. */
  by?: JobRequester;
  /**
   * Jobs asked for together (one bulk action: Start on 20 machines, Export for a New Mac) share this id, so that
   * History shows them as one entry.
   */
  batch?: string;
}

/** Who asked for a job other than the person at the window. */
export type JobRequester = 'agent';

/**
 * An agent's jobs are followed in Activity and History, where they are marked; of them only a request OrbDeck
 * refused is worth a toast or a notification (an agent that runs many commands would otherwise bury the person).
 */
export function isAgentRefusal(job: Pick<Job, 'by' | 'kind' | 'state'>): boolean {
  return job.by === 'agent' && job.kind === 'agent' && job.state === 'failed';
}

export function isFinished(job: Pick<Job, 'state'>): boolean {
  return FINISHED_JOB_STATES.includes(job.state);
}

/** A finished job as kept in the history (ORBDECK_DATA_DIR/history.jsonl). */
export type HistoryEntry = Job & { state: 'succeeded' | 'failed' | 'cancelled'; endedAt: number };

import { AppError, ErrorCode } from '../../../shared/errors';
import { IpcEvent } from '../../../shared/ipc/contract';
import { isFinished, type Job, type JobKind, type JobProgress } from '../../../shared/jobs';
import type { EventHub } from '../events';
import { startableJobs, waitingReason, type SchedulerLimits } from './scheduler';

export interface JobContext {
  /** Aborted when the user cancels; pass it to every orbctl call. */
  readonly signal: AbortSignal;
  report(progress: JobProgress): void;
  /** Records facts about the job (shown in Activity and kept in the history). */
  note(facts: JobFacts): void;
}

/** What a job's work says about how it really ended, when that differs from "it returned, so it succeeded". */
export interface JobResult {
  /** A cancel that came too late ends as 'succeeded' with an outcome that says so. */
  state?: 'succeeded' | 'cancelled';
  outcome?: string;
  leftover?: { machine: string };
  bytes?: number;
}

/** Lets a running job say what it now knows: the size it works on, the final path. */
export interface JobFacts {
  sourceBytes?: number;
  path?: string;
}

export interface JobSpec {
  kind: JobKind;
  machine: string;
  title: string;
  /** Every machine the job touches (defaults to `machine`); all are reserved while it runs. */
  touches?: string[];
  path?: string;
  cancellable?: boolean;
  run(context: JobContext): Promise<JobResult | void>;
}

/** Wraps a job's whole run, e.g. in the timing wrapper. */
export type JobWrapper = <T>(job: Job, work: () => Promise<T>) => Promise<T>;

export interface JobManagerOptions {
  events: EventHub;
  limits?: Partial<SchedulerLimits>;
  now?: () => number;
  wrap?: JobWrapper;
  /** Called once per job when it ends (history, notifications). */
  onFinished?: (job: Job) => void;
  /** Finished jobs kept in memory for `list()`. */
  keepFinished?: number;
}

interface Entry {
  job: Job;
  spec: JobSpec;
  abort: AbortController;
  /** performance.now() when it started running. */
  startedMono?: number;
}

/**
 * Runs every action on machines as a job: one at a time per machine, a cap on heavy jobs, cancel by abort
 * signal, and an event for every change so every window (and the tray) sees the same truth.
 */
export class JobManager {
  private readonly entries: Entry[] = [];
  private readonly limits: SchedulerLimits;
  private readonly now: () => number;
  private readonly idleWaiters: Array<() => void> = [];
  private counter = 0;
  private revision = 0;

  constructor(private readonly options: JobManagerOptions) {
    this.limits = { maxHeavy: 2, ...options.limits };
    this.now = options.now ?? Date.now;
  }

  submit(spec: JobSpec): Job {
    const job: Job = {
      id: `job-${this.now().toString(36)}-${(++this.counter).toString(36)}`,
      kind: spec.kind,
      machine: spec.machine,
      title: spec.title,
      state: 'queued',
      createdAt: this.now(),
      cancellable: spec.cancellable ?? true,
      ...(spec.path === undefined ? {} : { path: spec.path }),
      ...(spec.touches ? { touches: spec.touches.filter((m) => m !== spec.machine) } : {}),
    };
    this.entries.push({ job, spec, abort: new AbortController() });
    this.emit(job);
    this.pump();
    return this.get(job.id);
  }

  list(): Job[] {
    return this.entries.map((e) => ({ ...e.job }));
  }

  get(id: string): Job {
    const entry = this.find(id);
    return { ...entry.job };
  }

  /** Jobs queued or running that touch `machine`. */
  activeFor(machine: string): Job[] {
    return this.entries
      .filter((e) => !isFinished(e.job) && this.touches(e).includes(machine))
      .map((e) => ({ ...e.job }));
  }

  cancel(id: string): Job {
    const entry = this.find(id);
    const { job } = entry;
    if (isFinished(job)) return { ...job };
    if (!job.cancellable) {
      throw new AppError(ErrorCode.NOT_CANCELLABLE, `“${job.title}” cannot be cancelled.`);
    }
    if (job.state === 'queued') {
      this.finish(entry, {
        state: 'cancelled',
        outcome: 'Cancelled before it started; nothing was changed.',
      });
      this.pump();
    } else {
      entry.abort.abort();
    }
    return { ...entry.job };
  }

  /** Resolves when nothing is queued or running (tests, quitting). */
  whenIdle(): Promise<void> {
    if (this.entries.every((e) => isFinished(e.job))) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Aborts everything still queued or running (app shutdown). */
  cancelAll(): void {
    for (const entry of this.entries) {
      if (entry.job.state === 'queued')
        this.finish(entry, { state: 'cancelled', outcome: 'Cancelled at shutdown.' });
      else if (entry.job.state === 'running') entry.abort.abort();
    }
  }

  private find(id: string): Entry {
    const entry = this.entries.find((e) => e.job.id === id);
    if (!entry) throw new AppError(ErrorCode.NOT_FOUND, `No job with id ${id}.`);
    return entry;
  }

  private touches(entry: Entry): readonly string[] {
    return entry.spec.touches ?? [entry.spec.machine];
  }

  private pump(): void {
    const jobs = this.entries.map((e) => e.job);
    const machinesOf = (job: Job) => this.touches(this.find(job.id));
    for (const job of startableJobs(jobs, this.limits, machinesOf)) {
      void this.run(this.find(job.id));
    }
    for (const entry of this.entries) {
      if (entry.job.state !== 'queued') continue;
      const reason = waitingReason(entry.job, jobs, this.limits, machinesOf);
      if (reason !== entry.job.waitingFor) {
        entry.job = withOptional({ ...entry.job }, 'waitingFor', reason);
        this.emit(entry.job);
      }
    }
    this.trim();
    if (this.entries.every((e) => isFinished(e.job)))
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private async run(entry: Entry): Promise<void> {
    entry.job = withOptional(
      { ...entry.job, state: 'running', startedAt: this.now() },
      'waitingFor',
      undefined,
    );
    entry.startedMono = performance.now();
    this.emit(entry.job);
    const context: JobContext = {
      signal: entry.abort.signal,
      report: (progress) => {
        if (entry.job.state !== 'running') return;
        entry.job = { ...entry.job, progress };
        this.emit(entry.job);
      },
      note: (facts) => {
        entry.job = { ...entry.job, ...facts };
        this.emit(entry.job);
      },
    };
    const wrap: JobWrapper = this.options.wrap ?? ((_job, work) => work());
    try {
      const result = (await wrap(entry.job, () => entry.spec.run(context))) ?? {};
      const cancelledAnyway = entry.abort.signal.aborted && result.state === undefined;
      this.finish(entry, { ...result, state: result.state ?? (cancelledAnyway ? 'cancelled' : 'succeeded') });
    } catch (error) {
      const data =
        error instanceof AppError
          ? error.toData()
          : { code: ErrorCode.INTERNAL, message: error instanceof Error ? error.message : String(error) };
      if (data.code === ErrorCode.CANCELLED || entry.abort.signal.aborted) {
        this.finish(entry, { state: 'cancelled' }, data.code === ErrorCode.CANCELLED ? undefined : data);
      } else {
        this.finish(entry, { state: 'failed' }, data);
      }
    }
    this.pump();
  }

  private finish(
    entry: Entry,
    result: Omit<JobResult, 'state'> & { state: 'succeeded' | 'cancelled' | 'failed' },
    error?: Job['error'],
  ): void {
    const job: Job = { ...entry.job, state: result.state, endedAt: this.now() };
    if (entry.startedMono !== undefined) job.durationMs = performance.now() - entry.startedMono;
    delete job.waitingFor;
    if (result.outcome !== undefined) job.outcome = result.outcome;
    if (result.leftover !== undefined) job.leftover = result.leftover;
    if (result.bytes !== undefined) job.bytes = result.bytes;
    if (error !== undefined) job.error = error;
    entry.job = job;
    this.emit(job);
    this.options.onFinished?.({ ...job });
  }

  private trim(): void {
    const keep = this.options.keepFinished ?? 200;
    const finished = this.entries.filter((e) => isFinished(e.job));
    for (const old of finished.slice(0, Math.max(0, finished.length - keep))) {
      this.entries.splice(this.entries.indexOf(old), 1);
    }
  }

  /** Every change gets a higher `rev`, so a window can tell a stale copy of a job from a fresh one. */
  private emit(job: Job): void {
    job.rev = ++this.revision;
    this.options.events.emit(IpcEvent.jobChanged, { ...job });
  }
}

function withOptional<T extends object, K extends keyof T>(value: T, key: K, v: T[K] | undefined): T {
  if (v === undefined) delete value[key];
  else value[key] = v;
  return value;
}

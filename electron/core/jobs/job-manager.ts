import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';

import { HEAVY_JOB_KINDS, type Job } from '../../../shared/jobs';
import type { EventHub } from '../platform/events';
import { admit, requestKey, type Admissible } from './admission';
import type { JobContext, JobResult, JobSpec, JobWrapper } from './job-spec';
import { finishedJob } from './finished-job';
import { RequesterScope } from './requester';
import { DEFAULT_LIMITS, Scheduler, type SchedulerLimits } from './scheduler';

export type { JobContext, JobFacts, JobResult, JobSpec, JobWrapper } from './job-spec';

export interface JobManagerOptions {
  events: EventHub;
  limits?: Partial<SchedulerLimits>;
  now?: () => number;
  wrap?: JobWrapper;
  /** Called once per job when it starts running, with the signal its orbctl calls carry (the journal). */
  onStarted?: (job: Job, spec: JobSpec, signal: AbortSignal) => void;
  /** Called once per job when it ends (history, notifications). */
  onFinished?: (job: Job) => void;
  /** A hook above threw: logged, never allowed to stop the job manager. */
  onError?: (error: unknown) => void;
  /** Finished jobs kept in memory for `list()`. */
  keepFinished?: number;
}

interface Entry extends Admissible {
  job: Job;
  spec: JobSpec;
  abort: AbortController;
  /** performance.now() when it started running. */
  startedMono?: number;
}

type Ending = Omit<JobResult, 'state'> & { state: 'succeeded' | 'cancelled' | 'failed' };

/**
 * Runs every action on machines as a job: one at a time per machine, a cap on heavy jobs, cancel by abort
 * signal, and an event for every change so every window (and the tray) sees the same truth.
 *
 * Queued and running jobs are kept apart from finished ones and indexed by id, and the scheduler answers
 * per machine, so a submission costs the same with a thousand jobs around as with none. A request identical
 * to the last one waiting on its machine is answered with that job; a machine with a full queue refuses.
 */
export class JobManager {
  /** Queued and running, in submission order. */
  private readonly active = new Map<string, Entry>();
  /** Finished, oldest first, at most `keepFinished`. */
  private readonly done = new Map<string, Entry>();
  private readonly scheduler: Scheduler<Entry>;
  private readonly now: () => number;
  private readonly idleWaiters: Array<() => void> = [];
  private counter = 0;
  private revision = 0;
  private holds = 0;
  /** Requests answered with an identical queued job, for the figures. */
  coalesced = 0;
  /** Who asks for the jobs submitted within `requesters.run(…)` (an agent's calls). */
  readonly requesters = new RequesterScope();

  constructor(private readonly options: JobManagerOptions) {
    this.scheduler = new Scheduler<Entry>({ ...DEFAULT_LIMITS, ...options.limits });
    this.now = options.now ?? Date.now;
  }

  /** Jobs looked at by the scheduler so far (tests keep the cost of a submission flat with it). */
  get schedulerWork(): number {
    return this.scheduler.examined;
  }

  submit(spec: JobSpec): Job {
    const request = {
      seq: this.counter + 1,
      title: spec.title,
      machines: spec.touches ?? [spec.machine],
      heavy: HEAVY_JOB_KINDS.includes(spec.kind),
      key: requestKey(spec),
    };
    const same = admit(request, this.scheduler);
    if (same) {
      this.coalesced++;
      return { ...same.job };
    }
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
    const by = this.requesters.current();
    if (by) job.by = by;
    const entry: Entry = { ...request, job, spec, abort: new AbortController() };
    this.active.set(job.id, entry);
    this.scheduler.enqueue(entry);
    this.emit(job);
    this.pump(entry.machines, false);
    return { ...entry.job };
  }

  list(): Job[] {
    return [...this.done.values(), ...this.active.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ ...e.job }));
  }

  get(id: string): Job {
    return { ...this.find(id).job };
  }

  /** Jobs queued or running that touch `machine`. */
  activeFor(machine: string): Job[] {
    const running = this.scheduler.runningOnMachine(machine);
    return [...(running ? [running] : []), ...this.scheduler.queuedOn(machine)].map((e) => ({ ...e.job }));
  }

  cancel(id: string): Job {
    const entry = this.find(id);
    const { job } = entry;
    if (job.state !== 'queued' && job.state !== 'running') return { ...job };
    if (!job.cancellable) {
      throw new AppError(ErrorCode.NOT_CANCELLABLE, `“${job.title}” cannot be cancelled.`);
    }
    if (job.state === 'queued') {
      this.finish(entry, {
        state: 'cancelled',
        outcome: 'Cancelled before it started; nothing was changed.',
      });
      this.pump(entry.machines, false);
    } else {
      entry.abort.abort();
    }
    return { ...entry.job };
  }

  /** Resolves when nothing is queued or running (tests, quitting). */
  whenIdle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Aborts everything still queued or running (app shutdown). */
  cancelAll(): void {
    for (const entry of [...this.active.values()]) {
      if (entry.job.state === 'queued')
        this.finish(entry, { state: 'cancelled', outcome: 'Cancelled at shutdown.' });
      else entry.abort.abort();
    }
    this.settleIdle();
  }

  /** Jobs are accepted and queued but none starts until `until` settles (recovery after a crash). */
  hold(until: Promise<unknown>): void {
    this.holds++;
    void until
      .catch(() => undefined)
      .then(() => {
        this.holds--;
        this.pump(this.scheduler.queuedMachines(), true);
      });
  }

  /**
   * Records something asked of OrbDeck that is over as soon as it is asked (an agent's read, or a request refused),
   * as a finished job: Activity and History show it beside the jobs.
   */
  record(what: Pick<Job, 'kind' | 'machine' | 'title'>, ending: Pick<Job, 'outcome' | 'error'>): Job {
    const now = this.now();
    const id = `job-${now.toString(36)}-${(++this.counter).toString(36)}`;
    const job = finishedJob(id, now, what, ending, this.requesters.current());
    this.adopt(job);
    return { ...job };
  }

  /** Records a job that ended elsewhere (found interrupted at start-up) as every other finished job. */
  adopt(job: Job): void {
    const entry: Entry = {
      seq: 0,
      title: job.title,
      machines: [job.machine],
      heavy: false,
      key: undefined,
      job: { ...job },
      spec: { kind: job.kind, machine: job.machine, title: job.title, run: async () => {} },
      abort: new AbortController(),
    };
    this.keepFinished(entry);
    this.emit(entry.job);
    this.tell(() => this.options.onFinished?.({ ...entry.job }));
  }

  private find(id: string): Entry {
    const entry = this.active.get(id) ?? this.done.get(id);
    if (!entry) throw new AppError(ErrorCode.NOT_FOUND, `No job with id ${id}.`);
    return entry;
  }

  /** Starts what can start and updates the waiting reasons, looking only at jobs a change can concern. */
  private pump(machines: readonly string[], heavyFreed: boolean): void {
    if (this.holds > 0) {
      const held = 'Waiting for OrbDeck to finish starting';
      for (const entry of this.scheduler.affected(machines)) this.updateReason(entry, held);
    } else {
      // Heavy slots first, in submission order: the earliest waiting heavy job gets a freed slot.
      if (heavyFreed) for (const entry of this.scheduler.heavyToStart()) this.start(entry);
      const affected = this.scheduler.affected(machines);
      for (const entry of affected) if (this.scheduler.canStart(entry)) this.start(entry);
      for (const entry of affected) if (entry.job.state === 'queued') this.updateReason(entry);
    }
    this.settleIdle();
  }

  private start(entry: Entry): void {
    this.scheduler.started(entry);
    this.requesters.outside(
      () => void this.run(entry).catch((error: unknown) => this.options.onError?.(error)),
    );
  }

  private updateReason(entry: Entry, held?: string): void {
    const reason = held ?? this.scheduler.reason(entry);
    if (reason === entry.job.waitingFor) return;
    entry.job = withOptional({ ...entry.job }, 'waitingFor', reason);
    this.emit(entry.job);
  }

  private settleIdle(): void {
    if (this.active.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private async run(entry: Entry): Promise<void> {
    entry.job = withOptional(
      { ...entry.job, state: 'running', startedAt: this.now() },
      'waitingFor',
      undefined,
    );
    entry.startedMono = performance.now();
    this.emit(entry.job);
    this.tell(() => this.options.onStarted?.({ ...entry.job }, entry.spec, entry.abort.signal));
    const context: JobContext = {
      signal: entry.abort.signal,
      report: (progress) => {
        if (entry.job.state !== 'running') return;
        entry.job = { ...entry.job, progress };
        this.emit(entry.job);
      },
      note: (facts) => {
        if (entry.job.state !== 'running') return;
        entry.job = { ...entry.job, ...facts };
        this.emit(entry.job);
      },
    };
    const wrap: JobWrapper = this.options.wrap ?? ((_job, work) => work());
    let ending: Ending;
    let error: Job['error'];
    try {
      const result = (await wrap(entry.job, () => entry.spec.run(context))) ?? {};
      const cancelledAnyway = entry.abort.signal.aborted && result.state === undefined;
      ending = { ...result, state: result.state ?? (cancelledAnyway ? 'cancelled' : 'succeeded') };
    } catch (thrown) {
      const data = toErrorData(thrown);
      const cancelled = data.code === ErrorCode.CANCELLED || entry.abort.signal.aborted;
      ending = { state: cancelled ? 'cancelled' : 'failed' };
      error = cancelled && data.code === ErrorCode.CANCELLED ? undefined : data;
    }
    // Outside the try: whatever happens while recording the end, the job is never finished twice.
    this.finish(entry, ending, error);
    this.pump(entry.machines, entry.heavy);
  }

  /** Ends a job exactly once; the hooks it calls cannot throw out of here. */
  private finish(entry: Entry, result: Ending, error?: Job['error']): void {
    if (!this.active.has(entry.job.id)) return;
    if (entry.job.state === 'running') this.scheduler.ended(entry);
    else this.scheduler.dequeue(entry);
    this.active.delete(entry.job.id);
    const job: Job = { ...entry.job, state: result.state, endedAt: this.now() };
    if (entry.startedMono !== undefined) job.durationMs = performance.now() - entry.startedMono;
    delete job.waitingFor;
    if (result.outcome !== undefined) job.outcome = result.outcome;
    if (result.leftover !== undefined) job.leftover = result.leftover;
    if (result.bytes !== undefined) job.bytes = result.bytes;
    if (error !== undefined) job.error = error;
    entry.job = job;
    this.keepFinished(entry);
    this.emit(job);
    this.tell(() => this.options.onFinished?.({ ...job }));
  }

  private keepFinished(entry: Entry): void {
    this.done.set(entry.job.id, entry);
    const keep = this.options.keepFinished ?? 200;
    for (const id of this.done.keys()) {
      if (this.done.size <= keep) break;
      this.done.delete(id);
    }
  }

  private tell(hook: () => void): void {
    try {
      hook();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** Every change gets a higher `rev`, so a window can tell a stale copy of a job from a fresh one. */
  private emit(job: Job): void {
    job.rev = ++this.revision;
    this.tell(() => this.options.events.emit('jobs:changed', { ...job }));
  }
}

function withOptional<T extends object, K extends keyof T>(value: T, key: K, v: T[K] | undefined): T {
  if (v === undefined) delete value[key];
  else value[key] = v;
  return value;
}

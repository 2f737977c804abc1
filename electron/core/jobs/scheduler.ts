export interface SchedulerLimits {
  /** At most this many clone/export/import jobs run at once. */
  maxHeavy: number;
  /** At most this many jobs wait for one machine; more are refused (BUSY). */
  maxQueuedPerMachine: number;
}

export const DEFAULT_LIMITS: SchedulerLimits = { maxHeavy: 2, maxQueuedPerMachine: 8 };

/** What the scheduler needs to know about a job. `seq` grows with every submission. */
export interface Schedulable {
  readonly seq: number;
  readonly title: string;
  /** Every machine the job touches (a clone: its source and its new name); all are reserved while it runs. */
  readonly machines: readonly string[];
  /** Clone, export, import: capped by `maxHeavy`. */
  readonly heavy: boolean;
}

/**
 * The queue rules: one job at a time per machine, in submission order (an earlier queued job keeps its
 * machines reserved, so a later one cannot overtake it), and at most `maxHeavy` heavy jobs at once.
 *
 * Kept as one lane of queued jobs per machine plus the running job per machine, so every question costs
 * what it is about: whether a job may start looks at the heads of its own lanes, and a change (a job
 * submitted, started, ended, cancelled) names the few jobs whose answer can change (`affected`). Nothing
 * here scans every job, so submitting stays as cheap with a long queue as with an empty one.
 */
export class Scheduler<T extends Schedulable> {
  private readonly lanes = new Map<string, T[]>();
  private readonly runningOn = new Map<string, T>();
  /** Queued heavy jobs in submission order: the only ones a freed heavy slot can concern. */
  private readonly heavyQueued: T[] = [];
  private heavyRunning = 0;
  /** Jobs looked at so far: lets tests check that the cost of a submission does not grow with the queue. */
  examined = 0;

  constructor(readonly limits: SchedulerLimits) {}

  /** Jobs waiting for `machine`, in order. */
  queuedOn(machine: string): readonly T[] {
    return this.lanes.get(machine) ?? [];
  }

  runningOnMachine(machine: string): T | undefined {
    return this.runningOn.get(machine);
  }

  enqueue(job: T): void {
    for (const m of job.machines) {
      const lane = this.lanes.get(m);
      if (lane) lane.push(job);
      else this.lanes.set(m, [job]);
    }
    if (job.heavy) this.heavyQueued.push(job);
  }

  /** A queued job leaves the queue without running (cancelled). */
  dequeue(job: T): void {
    for (const m of job.machines) this.removeFromLane(m, job);
    if (job.heavy) remove(this.heavyQueued, job);
  }

  canStart(job: T): boolean {
    this.examined++;
    for (const m of job.machines) {
      if (this.runningOn.has(m) || this.lanes.get(m)?.[0] !== job) return false;
    }
    return !job.heavy || this.heavyRunning < this.limits.maxHeavy;
  }

  started(job: T): void {
    this.dequeue(job);
    for (const m of job.machines) this.runningOn.set(m, job);
    if (job.heavy) this.heavyRunning++;
  }

  ended(job: T): void {
    for (const m of job.machines) if (this.runningOn.get(m) === job) this.runningOn.delete(m);
    if (job.heavy) this.heavyRunning--;
  }

  /** Why a queued job still waits, in words for the UI; undefined when it could start. */
  reason(job: T): string | undefined {
    this.examined++;
    let before: T | undefined;
    for (const m of job.machines) {
      // The running job on a machine precedes everything queued on it; else the lane's head does.
      const first = this.runningOn.get(m) ?? this.lanes.get(m)?.[0];
      if (first && first !== job && (!before || first.seq < before.seq)) before = first;
    }
    if (before) return `Waiting for “${before.title}”`;
    if (job.heavy && this.heavyRunning >= this.limits.maxHeavy)
      return `Waiting: ${this.heavyRunning} clone/export/import jobs are already running`;
    return undefined;
  }

  /**
   * The queued jobs whose chance to start, or reason to wait, can have changed after a change on `machines`,
   * in submission order.
   */
  affected(machines: readonly string[]): T[] {
    const found = new Set<T>();
    for (const m of machines) for (const job of this.lanes.get(m) ?? []) found.add(job);
    this.examined += found.size;
    return [...found].sort((a, b) => a.seq - b.seq);
  }

  /**
   * After a heavy job ended: the earliest queued heavy jobs that may take the free slots. Only those change;
   * every other heavy job still waits for the same reason, so the rest of the heavy queue is not looked at.
   */
  heavyToStart(): T[] {
    const chosen: T[] = [];
    let free = this.limits.maxHeavy - this.heavyRunning;
    for (const job of this.heavyQueued) {
      if (free <= 0) break;
      this.examined++;
      if (job.machines.every((m) => !this.runningOn.has(m) && this.lanes.get(m)?.[0] === job)) {
        chosen.push(job);
        free--;
      }
    }
    return chosen;
  }

  /** Every machine with a queue (resuming after a hold). */
  queuedMachines(): string[] {
    return [...this.lanes.keys()];
  }

  private removeFromLane(machine: string, job: T): void {
    const lane = this.lanes.get(machine);
    if (!lane) return;
    remove(lane, job);
    if (lane.length === 0) this.lanes.delete(machine);
  }
}

/** Lanes are short (bounded per machine), so a linear removal is the cheap one. */
function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/**
 * Sandboxes' time limits, kept by the core (not a window) so they run whether or not a window is open and survive
 * a restart: the limit's end is a time in sandboxes.json, and a limit that ran out while OrbDeck was not running is
 * acted on at the next start, once the machines have been read.
 */
import { warnAt, type SandboxRecord } from '../../../shared/sandboxes';

export type Due = { record: SandboxRecord; what: 'warn' | 'end'; at: number };

/** What is due next among the sandboxes' limits: a warning not yet given, or an end. */
export function nextDue(records: readonly SandboxRecord[]): Due | null {
  let next: Due | null = null;
  for (const record of records) {
    const limit = record.timeLimit;
    if (!limit) continue;
    const due: Due = limit.warned
      ? { record, what: 'end', at: limit.endsAt }
      : { record, what: 'warn', at: warnAt(limit) };
    if (!next || due.at < next.at) next = due;
  }
  return next;
}

/** setTimeout's longest delay; a limit further away is looked at again then. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export interface TimeLimitOptions {
  list(): readonly SandboxRecord[];
  /** The person is told the sandbox's time is about to run out (and marked `warned`). */
  warn(record: SandboxRecord): void;
  /** The sandbox's time ran out (`late`: while OrbDeck was not running). */
  end(record: SandboxRecord, late: boolean): void;
  now?: () => number;
}

/** One timer for the earliest of all limits, set again whenever the sandboxes change. */
export class TimeLimits {
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: TimeLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** From now on limits are acted on; those that ran out while OrbDeck was not running first. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    const now = this.now();
    for (const record of this.options.list()) {
      if (record.timeLimit && record.timeLimit.endsAt <= now) this.options.end(record, true);
    }
    this.schedule();
  }

  /** The sandboxes changed: the next limit may be another one. */
  schedule(): void {
    if (!this.started || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = nextDue(this.options.list());
    if (!due) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, due.at - this.now()));
    this.timer = setTimeout(() => this.fire(), delay);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire(): void {
    this.timer = null;
    const now = this.now();
    // Each handler changes its record (warned, or the limit cleared), so the loop moves on; the bound keeps a
    // handler that did not from spinning here.
    let left = 2 * this.options.list().length;
    for (let due = nextDue(this.options.list()); due && due.at <= now && left-- > 0;) {
      if (due.what === 'warn') this.options.warn(due.record);
      else this.options.end(due.record, false);
      due = nextDue(this.options.list());
    }
    this.schedule();
  }
}

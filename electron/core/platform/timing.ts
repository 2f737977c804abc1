/**
 * The timing wrapper: every orbctl call and every job runs through `Timing.time`, which writes
 * `Starting X` / `Completed X in 1.23s` / `Failed X after 0.40s: reason` to the operation log (the
 * pyinfra-orbstack utility the team kept) and tells listeners the record. It must stay cheap next to a process
 * spawn: no I/O on the caller's path (the log batches its appends), nothing kept in memory.
 */
import { isAppError } from '../../../shared/errors';
import { OperationLog } from './operation-log';

export type TimingOutcome = 'ok' | 'failed' | 'cancelled' | 'timeout';

export interface TimingRecord {
  /** Increasing per Timing instance. */
  seq: number;
  /** `orbctl start ubuntu` */
  op: string;
  /** `start`, `export`, … when the caller says. */
  kind?: string;
  machine?: string;
  /** Wall clock at start, epoch ms (for display). */
  startedAt: number;
  /** Monotonic (`performance.now()`) duration in ms. */
  durationMs: number;
  outcome: TimingOutcome;
  error?: string;
  /** Bytes moved, when the caller knows them (export file size, import source size). */
  bytes?: number;
}

export interface TimeOptions {
  kind?: string;
  machine?: string;
  /**
   * `all` (default) logs start and end; `failures` logs only failures, not a cancel (for polling and background
   * reads); `none` logs nothing.
   */
  log?: 'all' | 'failures' | 'none';
  /** Told this operation's record, as listeners are (a caller that shows the duration it measured). */
  onRecord?: TimingListener;
}

/** Handed to the timed function so it can add what it learns while running. */
export interface TimingSpan {
  setBytes(bytes: number): void;
}

export type TimingListener = (record: TimingRecord) => void;

export interface TimingOptions {
  /** Log file to append to (folder is created). Without it, nothing is written. */
  logFile?: string;
  /** Rotate the log when it would grow past this many bytes. */
  maxLogBytes?: number;
  /** How many rotated files (`.1`, `.2`, …) to keep. */
  maxLogBackups?: number;
  /** How an error becomes an outcome; the default knows AppError's TIMEOUT and CANCELLED and AbortError. */
  outcomeOf?: (error: unknown) => TimingOutcome;
}

export function defaultOutcomeOf(error: unknown): TimingOutcome {
  if (isAppError(error)) {
    if (error.code === 'TIMEOUT') return 'timeout';
    if (error.code === 'CANCELLED') return 'cancelled';
    return 'failed';
  }
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  return 'failed';
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export class Timing {
  private seq = 0;
  private readonly listeners = new Set<TimingListener>();
  private readonly log: OperationLog | undefined;
  private readonly outcomeOf: (error: unknown) => TimingOutcome;

  constructor(options: TimingOptions = {}) {
    this.log = options.logFile
      ? new OperationLog(options.logFile, options.maxLogBytes, options.maxLogBackups)
      : undefined;
    this.outcomeOf = options.outcomeOf ?? defaultOutcomeOf;
  }

  /** The log file's last write error, if any. */
  get logError(): Error | undefined {
    return this.log?.error;
  }

  /**
   * Runs `fn`, records how long it took and how it ended, and returns (or rethrows) what it did.
   * The error is rethrown unchanged.
   */
  async time<T>(op: string, fn: (span: TimingSpan) => Promise<T> | T, options: TimeOptions = {}): Promise<T> {
    const logMode = options.log ?? 'all';
    const startedAt = Date.now();
    if (logMode === 'all') this.writeLine('INFO', `Starting ${op}`, startedAt);
    let bytes: number | undefined;
    const span: TimingSpan = {
      setBytes: (n) => {
        bytes = n;
      },
    };
    const t0 = performance.now();
    try {
      const result = await fn(span);
      const durationMs = performance.now() - t0;
      if (logMode === 'all') this.writeLine('INFO', `Completed ${op} in ${seconds(durationMs)}s`);
      this.record(op, options, startedAt, durationMs, 'ok', undefined, bytes);
      return result;
    } catch (error) {
      const durationMs = performance.now() - t0;
      const reason = reasonOf(error);
      const outcome = this.outcomeOf(error);
      // A quiet call (a poll, a background read) stopped on purpose is no failure to log.
      const logs = logMode === 'all' || (logMode === 'failures' && outcome !== 'cancelled');
      if (logs) this.writeLine('WARN', `Failed ${op} after ${seconds(durationMs)}s: ${reason}`);
      this.record(op, options, startedAt, durationMs, outcome, reason, bytes);
      throw error;
    }
  }

  /** Calls `listener` with every new record; returns the disposer. */
  onRecord(listener: TimingListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Writes a free-form line to the same log (for callers with nothing to time). */
  note(level: 'INFO' | 'WARN' | 'ERROR', message: string): void {
    this.writeLine(level, message);
  }

  flush(): Promise<void> {
    return this.log ? this.log.flush() : Promise.resolve();
  }

  close(): Promise<void> {
    this.listeners.clear();
    return this.log ? this.log.close() : Promise.resolve();
  }

  private record(
    op: string,
    options: TimeOptions,
    startedAt: number,
    durationMs: number,
    outcome: TimingOutcome,
    error: string | undefined,
    bytes: number | undefined,
  ): void {
    const record: TimingRecord = { seq: ++this.seq, op, startedAt, durationMs, outcome };
    if (options.kind !== undefined) record.kind = options.kind;
    if (options.machine !== undefined) record.machine = options.machine;
    if (error !== undefined) record.error = error;
    if (bytes !== undefined) record.bytes = bytes;
    for (const listener of [...this.listeners, ...(options.onRecord ? [options.onRecord] : [])]) {
      try {
        listener(record);
      } catch {
        // A broken listener must not turn a finished operation into a failure.
      }
    }
  }

  private writeLine(level: string, message: string, at = Date.now()): void {
    this.log?.write(`${new Date(at).toISOString()} ${level} ${message.replace(/\r?\n/g, ' ⏎ ')}`);
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

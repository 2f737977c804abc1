/**
 * The timing wrapper: every orbctl call and every job runs through `Timing.time`, which logs
 * `Starting X` / `Completed X in 1.23s` / `Failed X after 0.40s: reason` (the pyinfra-orbstack utility the team
 * kept), keeps the recent records in a bounded ring for the history view and estimates, and tells listeners.
 * It must stay cheap next to a process spawn: no I/O on the caller's path, log lines are batched and appended
 * asynchronously.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isAppError } from '../../shared/errors';

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
  /** `all` (default) logs start and end; `failures` logs only failures (for polling); `none` logs nothing. */
  log?: 'all' | 'failures' | 'none';
}

/** Handed to the timed function so it can add what it learns while running. */
export interface TimingSpan {
  setBytes(bytes: number): void;
}

export type TimingListener = (record: TimingRecord) => void;

export interface TimingOptions {
  /** Log file to append to (folder is created). Without it, records are only kept in memory. */
  logFile?: string;
  /** Ring size of `recent()`. */
  capacity?: number;
  /** Rotate the log when it would grow past this many bytes. */
  maxLogBytes?: number;
  /** How many rotated files (`.1`, `.2`, …) to keep. */
  maxLogBackups?: number;
  /** How an error becomes an outcome; the default knows AppError's TIMEOUT and CANCELLED and AbortError. */
  outcomeOf?: (error: unknown) => TimingOutcome;
}

const DEFAULT_CAPACITY = 500;
const DEFAULT_MAX_LOG_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_LOG_BACKUPS = 2;

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

/** Appends lines to a file in batches, rotating it by size. Write errors are kept, never thrown at callers. */
export class LogFile {
  private pending: string[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private size: number | undefined;
  private closed = false;
  private lastError: Error | undefined;

  constructor(
    readonly path: string,
    private readonly maxBytes = DEFAULT_MAX_LOG_BYTES,
    private readonly maxBackups = DEFAULT_MAX_LOG_BACKUPS,
  ) {}

  /** The last write error, if any (shown by whoever cares; logging must never break an operation). */
  get error(): Error | undefined {
    return this.lastError;
  }

  write(line: string): void {
    if (this.closed) return;
    this.pending.push(line);
    if (this.scheduled) return;
    this.scheduled = true;
    // One append per tick however many lines arrive: cheap for bursts, still prompt.
    setImmediate(() => {
      this.scheduled = false;
      this.chain = this.chain.then(() => this.drain());
    });
  }

  /** Resolves when everything written so far is on disk. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) this.chain = this.chain.then(() => this.drain());
    await this.chain;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private async drain(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    try {
      if (this.size === undefined) {
        await mkdir(dirname(this.path), { recursive: true });
        this.size = await stat(this.path).then(
          (s) => s.size,
          () => 0,
        );
      }
      const bytes = Buffer.byteLength(text);
      if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
      await appendFile(this.path, text);
      this.size += bytes;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      this.size = undefined;
    }
  }

  private async rotate(): Promise<void> {
    for (let i = this.maxBackups - 1; i >= 1; i--) {
      await rename(`${this.path}.${i}`, `${this.path}.${i + 1}`).catch(() => undefined);
    }
    if (this.maxBackups >= 1) await rename(this.path, `${this.path}.1`);
    else await appendFile(this.path, '', { flag: 'w' });
    this.size = 0;
  }
}

export class Timing {
  private readonly ring: (TimingRecord | undefined)[];
  private next = 0;
  private count = 0;
  private seq = 0;
  private readonly listeners = new Set<TimingListener>();
  private readonly log: LogFile | undefined;
  private readonly outcomeOf: (error: unknown) => TimingOutcome;

  constructor(options: TimingOptions = {}) {
    this.ring = new Array<TimingRecord | undefined>(Math.max(1, options.capacity ?? DEFAULT_CAPACITY));
    this.log = options.logFile
      ? new LogFile(options.logFile, options.maxLogBytes, options.maxLogBackups)
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
      if (logMode !== 'none') this.writeLine('WARN', `Failed ${op} after ${seconds(durationMs)}s: ${reason}`);
      this.record(op, options, startedAt, durationMs, this.outcomeOf(error), reason, bytes);
      throw error;
    }
  }

  /** Recent records, oldest first; at most `limit` of the newest. */
  recent(limit = this.count): TimingRecord[] {
    const n = Math.min(limit, this.count);
    const out: TimingRecord[] = [];
    const size = this.ring.length;
    for (let i = n; i >= 1; i--) {
      const record = this.ring[(this.next - i + size) % size];
      if (record) out.push(record);
    }
    return out;
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
    this.ring[this.next] = record;
    this.next = (this.next + 1) % this.ring.length;
    this.count = Math.min(this.count + 1, this.ring.length);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch {
        // A broken listener must not turn a finished operation into a failure.
      }
    }
  }

  private writeLine(level: string, message: string, at = Date.now()): void {
    if (!this.log) return;
    this.log.write(`${new Date(at).toISOString()} ${level} ${message.replace(/\r?\n/g, ' ⏎ ')}`);
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

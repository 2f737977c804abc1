import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/errors';
import { JOB_KINDS, type HistoryEntry, type Job } from '../../../shared/jobs';
import type { Notices } from '../platform/notices';
import { freeSideName, realWriter, storageProblem, type FileWriter } from '../platform/storage';

/** What a stored line must at least have to be shown; anything else in it is kept as written. */
const entrySchema = z.looseObject({
  id: z.string(),
  kind: z.enum(JOB_KINDS),
  machine: z.string(),
  title: z.string(),
  state: z.enum(['succeeded', 'failed', 'cancelled']),
  createdAt: z.number(),
  endedAt: z.number(),
  cancellable: z.boolean(),
});

const MAX_ENTRIES = 1000;
/** A history file larger than this is not ours (1,200 entries of a few hundred bytes each). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const SAVE_PROBLEM = 'history-save';

export interface HistoryOptions {
  /** Where warnings for the user go (history cannot be saved, damaged lines set aside). */
  notices?: Notices;
  writer?: FileWriter;
  /** While saving fails, unsaved entries are tried again this often (and at every new entry). */
  retryMs?: number;
}

/**
 * Finished jobs, kept across restarts as one JSON line each (an append never rewrites what is there, and a
 * damaged line costs only itself). Feeds the Activity history and the time estimates.
 *
 * Saving never throws: when the disk is full or the folder read-only, the entries stay in memory (the
 * Activity view keeps showing them), the user is told once, and the unsaved lines are appended when a later
 * save or the retry timer finds the disk writable again.
 */
export class JobHistory {
  private entries: HistoryEntry[];
  /** Lines that could not be read at start-up (set aside in a `.bad-…` file when possible). */
  readonly skipped: number;
  /** Lines not yet on disk, oldest first. */
  private pending: string[] = [];
  /** The file may not end with a newline (cut off by a crash, or a failed append): start with one. */
  private needsNewline: boolean;
  private failing: string | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly notices: Notices | undefined;
  private readonly writer: FileWriter;
  private readonly retryMs: number;

  constructor(
    private readonly file: string,
    options: HistoryOptions = {},
  ) {
    this.notices = options.notices;
    this.writer = options.writer ?? realWriter;
    this.retryMs = options.retryMs ?? 30_000;
    const read = readHistory(file);
    this.entries = read.entries;
    this.skipped = read.damaged.length;
    this.needsNewline = !read.endsWithNewline;
    if (read.problem) this.notices?.add('warning', `History could not be read: ${read.problem}.`);
    if (read.damaged.length > 0) this.setAside(read.damaged);
    else if (this.entries.length > MAX_ENTRIES) this.rewrite(this.entries.slice(-MAX_ENTRIES));
  }

  /** Oldest first. */
  list(): HistoryEntry[] {
    return [...this.entries];
  }

  /** Number of entries not yet written to disk. */
  unsaved(): number {
    return this.pending.length;
  }

  add(job: Job): void {
    if (job.state !== 'succeeded' && job.state !== 'failed' && job.state !== 'cancelled') return;
    const entry = { ...job, endedAt: job.endedAt ?? Date.now() } as HistoryEntry;
    delete entry.progress;
    delete entry.waitingFor;
    this.entries.push(entry);
    this.pending.push(JSON.stringify(entry) + '\n');
    if (this.entries.length > MAX_ENTRIES * 1.2) this.rewrite(this.entries.slice(-MAX_ENTRIES));
    else this.flush();
  }

  /** Writes what is not saved yet; true when nothing is left unsaved. Never throws. */
  flush(): boolean {
    if (this.pending.length === 0) return true;
    const lines = this.pending.length;
    try {
      this.writer.append(this.file, (this.needsNewline ? '\n' : '') + this.pending.join(''));
    } catch (error) {
      // Part of it may have reached the disk: begin the retry on a fresh line (readers skip an empty line
      // and read a repeated id once).
      this.needsNewline = true;
      this.failed(error);
      return false;
    }
    this.pending = [];
    this.needsNewline = false;
    this.saved(lines);
    return true;
  }

  /** Stops retrying after a last attempt to save (app shutdown). */
  close(): void {
    this.flush();
    this.stopRetry();
  }

  /** Empties the history, on disk first: when that fails nothing changes and the caller hears why. */
  clear(): void {
    try {
      this.writer.replace(this.file, '');
    } catch (error) {
      throw new AppError(ErrorCode.INTERNAL, `The history could not be cleared: ${storageProblem(error)}.`);
    }
    this.entries = [];
    this.pending = [];
    this.needsNewline = false;
    this.saved(0);
  }

  /** Rewrites the whole file from memory (trimming); on failure the lines stay pending for the next append. */
  private rewrite(entries: HistoryEntry[]): void {
    this.entries = entries;
    const lines = this.pending.length;
    try {
      this.writer.replace(this.file, entries.map((e) => JSON.stringify(e) + '\n').join(''));
    } catch (error) {
      this.failed(error);
      return;
    }
    this.pending = [];
    this.needsNewline = false;
    this.saved(lines);
  }

  /** Damaged lines go to a `.bad-…` file beside the history (never over an earlier one), then a clean rewrite. */
  private setAside(damaged: string[]): void {
    const kept = this.entries.length;
    let aside: string;
    try {
      aside = freeSideName(this.file, 'bad', existsSync);
      this.writer.replace(aside, damaged.join('\n') + '\n');
    } catch (error) {
      this.notices?.add(
        'warning',
        `History: ${count(damaged.length, 'damaged line')} could not be read and ${damaged.length === 1 ? 'was' : 'were'} skipped ` +
          `(they stay in ${basename(this.file)}; setting them aside failed: ${storageProblem(error)}).`,
      );
      return;
    }
    this.rewrite(this.entries.slice(-MAX_ENTRIES));
    this.notices?.add(
      'warning',
      `History: ${count(damaged.length, 'damaged line')} could not be read and ${damaged.length === 1 ? 'was' : 'were'} set aside ` +
        `in ${basename(aside)}; ${kept === 0 ? 'there were no other entries' : kept === 1 ? 'the other entry is intact' : `the other ${kept} entries are intact`}.`,
    );
  }

  private failed(error: unknown): void {
    const problem = storageProblem(error);
    if (this.failing === null) {
      this.notices?.add(
        'warning',
        `History could not be saved: ${problem}. Finished jobs stay listed and are written when saving works again.`,
        SAVE_PROBLEM,
      );
    }
    this.failing = problem;
    if (this.retryTimer === undefined) {
      this.retryTimer = setInterval(() => this.flush(), this.retryMs);
      this.retryTimer.unref();
    }
  }

  private saved(lines: number): void {
    this.stopRetry();
    if (this.failing === null) return;
    this.failing = null;
    this.notices?.resolve(SAVE_PROBLEM);
    this.notices?.add(
      'info',
      lines > 0
        ? `History is saved again: ${count(lines, 'entry', 'entries')} kept in memory meanwhile ${lines === 1 ? 'was' : 'were'} written.`
        : 'History is saved again.',
    );
  }

  private stopRetry(): void {
    if (this.retryTimer !== undefined) clearInterval(this.retryTimer);
    this.retryTimer = undefined;
  }
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface HistoryRead {
  entries: HistoryEntry[];
  /** Lines that are not entries (cut off, hand-edited), as they were. */
  damaged: string[];
  endsWithNewline: boolean;
  /** Why the file could not be read at all. */
  problem: string | null;
}

export function readHistory(file: string): HistoryRead {
  const none = (problem: string | null): HistoryRead => ({
    entries: [],
    damaged: [],
    endsWithNewline: true,
    problem,
  });
  let text: string;
  try {
    if (!existsSync(file)) return none(null);
    const stats = statSync(file);
    if (!stats.isFile()) return none(`${basename(file)} is not a regular file`);
    if (stats.size > MAX_FILE_BYTES) return none(`${basename(file)} is larger than a history can be`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return none(storageProblem(error));
  }
  const entries: HistoryEntry[] = [];
  const damaged: string[] = [];
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed;
    try {
      parsed = entrySchema.safeParse(JSON.parse(line));
    } catch {
      damaged.push(line);
      continue;
    }
    if (!parsed.success) damaged.push(line);
    // A line repeated by a retried append after a partial write is the same job: read it once.
    else if (!ids.has(parsed.data.id)) {
      ids.add(parsed.data.id);
      entries.push(parsed.data as HistoryEntry);
    }
  }
  return { entries, damaged, endsWithNewline: text === '' || text.endsWith('\n'), problem: null };
}

const CSV_COLUMNS = [
  'id',
  'kind',
  'machine',
  'title',
  'state',
  'startedAt',
  'endedAt',
  'durationMs',
  'bytes',
  'sourceBytes',
  'path',
  'error',
  'outcome',
] as const;

/** The history as a JSON document or CSV (one row per job; times as ISO 8601; RFC 4180 quoting). */
export function formatHistory(entries: readonly HistoryEntry[], format: 'json' | 'csv'): string {
  if (format === 'json') return JSON.stringify(entries, null, 2) + '\n';
  const cell = (value: unknown): string => {
    const text = value === undefined || value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());
  const rows = entries.map((e) =>
    [
      e.id,
      e.kind,
      e.machine,
      e.title,
      e.state,
      iso(e.startedAt),
      iso(e.endedAt),
      e.durationMs === undefined ? '' : Math.round(e.durationMs),
      e.bytes,
      e.sourceBytes,
      e.path,
      e.error ? `${e.error.code}: ${e.error.message}` : '',
      e.outcome,
    ]
      .map(cell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

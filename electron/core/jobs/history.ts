import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { JOB_KINDS, type HistoryEntry, type Job } from '../../../shared/jobs';

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

/**
 * Finished jobs, kept across restarts as one JSON line each (an append never rewrites what is there, and a
 * damaged line costs only itself). Feeds the Activity history and the time estimates.
 */
export class JobHistory {
  private entries: HistoryEntry[];
  /** Lines that could not be read at start-up (shown in the log, never fatal). */
  readonly skipped: number;

  constructor(private readonly file: string) {
    const { entries, skipped } = readHistory(file);
    this.entries = entries;
    this.skipped = skipped;
    if (entries.length > MAX_ENTRIES) this.rewrite(entries.slice(-MAX_ENTRIES));
  }

  /** Oldest first. */
  list(): HistoryEntry[] {
    return [...this.entries];
  }

  add(job: Job): void {
    if (job.state !== 'succeeded' && job.state !== 'failed' && job.state !== 'cancelled') return;
    const entry = { ...job, endedAt: job.endedAt ?? Date.now() } as HistoryEntry;
    delete entry.progress;
    delete entry.waitingFor;
    this.entries.push(entry);
    mkdirSync(dirname(this.file), { recursive: true });
    appendFileSync(this.file, JSON.stringify(entry) + '\n');
    if (this.entries.length > MAX_ENTRIES * 1.2) this.rewrite(this.entries.slice(-MAX_ENTRIES));
  }

  clear(): void {
    this.rewrite([]);
  }

  private rewrite(entries: HistoryEntry[]): void {
    this.entries = entries;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, entries.map((e) => JSON.stringify(e) + '\n').join(''));
    renameSync(temp, this.file);
  }
}

export function readHistory(file: string): { entries: HistoryEntry[]; skipped: number } {
  if (!existsSync(file)) return { entries: [], skipped: 0 };
  const entries: HistoryEntry[] = [];
  let skipped = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data as HistoryEntry);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
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

/**
 * Each machine's disk size over time, as `orbctl info` reported it, in `disk-history.jsonl` in the data folder:
 * one line `{"id","name","at","bytes"}` per record, at most one record a machine every few hours (a few a day),
 * kept for 30 days. It records only sizes the machine store already has (no orbctl call of its own), so it
 * costs nothing while no window asks for sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DiskRecord, DiskTrend } from '../../../shared/usage';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';

/** A machine gets a new record when its last one is this old. */
export const RECORD_EVERY_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const KEEP_MS = 30 * DAY_MS;
/** "grew 3.2 GB this week". */
export const TREND_MS = 7 * DAY_MS;

interface StoredRecord extends DiskRecord {
  id: string;
  name: string;
}

function readRecords(file: string): { records: StoredRecord[]; skipped: number; problem: string | null } {
  if (!existsSync(file)) return { records: [], skipped: 0, problem: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { records: [], skipped: 0, problem: storageProblem(error) };
  }
  const records: StoredRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const r = JSON.parse(line) as Partial<StoredRecord>;
      if (
        typeof r.id === 'string' &&
        typeof r.name === 'string' &&
        Number.isFinite(r.at) &&
        Number.isFinite(r.bytes) &&
        r.bytes! >= 0
      )
        records.push({ id: r.id, name: r.name, at: r.at!, bytes: r.bytes! });
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped, problem: null };
}

export interface DiskHistoryOptions {
  writer?: FileWriter;
  now?: () => number;
  /** Told once when the file cannot be written (the records then live in memory only). */
  onProblem?: (problem: string) => void;
}

export class DiskHistory {
  private records: StoredRecord[];
  /** Lines that could not be read at start (they are dropped at the next rewrite). */
  readonly skipped: number;
  private readonly writer: FileWriter;
  private readonly now: () => number;
  private failing = false;

  constructor(
    private readonly file: string,
    private readonly options: DiskHistoryOptions = {},
  ) {
    this.writer = options.writer ?? realWriter;
    this.now = options.now ?? Date.now;
    const read = readRecords(file);
    if (read.problem) options.onProblem?.(`the disk history could not be read: ${read.problem}`);
    const oldest = this.now() - KEEP_MS;
    this.records = read.records.filter((r) => r.at >= oldest).sort((a, b) => a.at - b.at);
    this.skipped = read.skipped;
    if (read.skipped > 0 || this.records.length < read.records.length) this.rewrite();
  }

  /** Records the size `orbctl info` reported, unless the machine has one recent enough; true when recorded. */
  note(id: string, name: string, bytes: number): boolean {
    if (!Number.isFinite(bytes) || bytes < 0) return false;
    const at = this.now();
    const last = this.latest(id);
    if (last && at - last.at < RECORD_EVERY_MS) return false;
    const record: StoredRecord = { id, name, at, bytes };
    this.records.push(record);
    const oldest = at - KEEP_MS;
    if (this.records[0] && this.records[0].at < oldest) {
      this.records = this.records.filter((r) => r.at >= oldest);
      this.rewrite();
    } else this.write(() => this.writer.append(this.file, `${JSON.stringify(record)}\n`));
    return true;
  }

  /** The machine's records (by id: a rename keeps its history) and how much it grew over the last week. */
  trend(id: string): DiskTrend {
    const records = this.records.filter((r) => r.id === id).map(({ at, bytes }) => ({ at, bytes }));
    const last = records.at(-1);
    if (!last || records.length < 2) return { records, change: null, since: null };
    const start = this.now() - TREND_MS;
    const base = records.filter((r) => r.at <= start).at(-1) ?? records[0]!;
    return { records, change: last.bytes - base.bytes, since: base.at };
  }

  private latest(id: string): StoredRecord | undefined {
    for (let i = this.records.length - 1; i >= 0; i--) if (this.records[i]!.id === id) return this.records[i];
    return undefined;
  }

  private rewrite(): void {
    this.write(() =>
      this.writer.replace(this.file, this.records.map((r) => `${JSON.stringify(r)}\n`).join('')),
    );
  }

  private write(work: () => void): void {
    try {
      work();
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.options.onProblem?.(`the disk history could not be saved: ${storageProblem(error)}`);
      this.failing = true;
    }
  }
}

/**
 * What OrbDeck is doing right now, on disk, so the next start can tell what a crash interrupted: for every
 * running job its kind, machines, file, the scratch files it may leave half-written and the orbctl processes
 * it has running (see recovery.ts).
 *
 * One small file per running job (`running-jobs/<job id>.json`), each replaced at once (temp file + rename)
 * when it changes: jobs start, spawn orbctl and end independently, so each rewrites only its own record
 * (no read-modify-write of a shared file between concurrent jobs), a crash in the middle of a write can
 * damage at most one record, and ending a job is one unlink.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JOB_KINDS, type Job } from '../../../shared/jobs';
import type { Notices } from '../platform/notices';
import type { ProcessObserver } from '../orbctl/invoke';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';
import type { JobSpec } from './job-manager';
import { systemProbe, type ProcessIdentity, type ProcessProbe } from './processes';

const recordSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^job-[a-z0-9-]{1,64}$/),
  kind: z.enum(JOB_KINDS),
  machine: z.string(),
  title: z.string(),
  touches: z.array(z.string()),
  path: z.string().optional(),
  createdAt: z.number(),
  startedAt: z.number(),
  scratchFiles: z.array(z.string()),
  processes: z.array(
    z.object({
      pid: z.number().int().positive(),
      argv: z.array(z.string()),
      startTicks: z.number().optional(),
    }),
  ),
});
export type JournalRecord = z.infer<typeof recordSchema>;

const SAVE_PROBLEM = 'journal-save';

export interface JournalOptions {
  writer?: FileWriter;
  notices?: Notices;
  probe?: ProcessProbe;
}

export class JobJournal implements ProcessObserver {
  private readonly bySignal = new WeakMap<AbortSignal, JournalRecord>();
  private readonly byPid = new Map<number, JournalRecord>();
  private readonly running = new Map<string, JournalRecord>();
  private readonly writer: FileWriter;
  private readonly probe: ProcessProbe;

  constructor(
    readonly dir: string,
    private readonly options: JournalOptions = {},
  ) {
    this.writer = options.writer ?? realWriter;
    this.probe = options.probe ?? systemProbe;
  }

  /** A job began running; its orbctl calls carry `signal`, which is how their processes are told apart. */
  started(job: Job, spec: JobSpec, signal: AbortSignal): void {
    const record: JournalRecord = {
      version: 1,
      id: job.id,
      kind: job.kind,
      machine: job.machine,
      title: job.title,
      touches: spec.touches ?? [job.machine],
      ...(job.path === undefined ? {} : { path: job.path }),
      createdAt: job.createdAt,
      startedAt: job.startedAt ?? Date.now(),
      scratchFiles: [...(spec.scratchFiles ?? [])],
      processes: [],
    };
    this.running.set(job.id, record);
    this.bySignal.set(signal, record);
    this.save(record);
  }

  spawned(pid: number, argv: readonly string[], signal: AbortSignal | undefined): void {
    const record = signal && this.bySignal.get(signal);
    if (!record || !this.running.has(record.id)) return;
    const identity: ProcessIdentity = { pid, argv: [...argv] };
    const ticks = this.probe.startTicks(pid);
    if (ticks !== undefined) identity.startTicks = ticks;
    record.processes.push(identity);
    this.byPid.set(pid, record);
    this.save(record);
  }

  exited(pid: number): void {
    const record = this.byPid.get(pid);
    if (!record) return;
    this.byPid.delete(pid);
    record.processes = record.processes.filter((p) => p.pid !== pid);
    if (this.running.has(record.id)) this.save(record);
  }

  /** The job ended (and is in the history): its record goes. */
  finished(id: string): void {
    const record = this.running.get(id);
    this.running.delete(id);
    for (const p of record?.processes ?? []) this.byPid.delete(p.pid);
    this.forget(id);
  }

  /** Removes a record (its job is accounted for). */
  forget(id: string): void {
    try {
      this.writer.remove(this.fileOf(id));
    } catch {
      // Read at the next start, where the history already holds the job: removed then.
    }
  }

  /** Records in the folder that no job of this run wrote: what an earlier run left. Never throws. */
  leftovers(): { records: JournalRecord[]; damaged: string[] } {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return { records: [], damaged: [] };
    }
    const records: JournalRecord[] = [];
    const damaged: string[] = [];
    for (const name of names) {
      if (this.running.has(name.slice(0, -'.json'.length))) continue;
      try {
        const parsed = recordSchema.safeParse(JSON.parse(readFileSync(join(this.dir, name), 'utf8')));
        if (parsed.success && `${parsed.data.id}.json` === name) records.push(parsed.data);
        else damaged.push(name);
      } catch {
        damaged.push(name);
      }
    }
    return { records, damaged };
  }

  /** Removes a damaged record file by name. */
  discard(name: string): void {
    try {
      this.writer.remove(join(this.dir, name));
    } catch {
      // Tried again at the next start.
    }
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private save(record: JournalRecord): void {
    try {
      this.writer.replace(this.fileOf(record.id), JSON.stringify(record) + '\n');
      this.options.notices?.resolve(SAVE_PROBLEM);
    } catch (error) {
      this.options.notices?.add(
        'warning',
        `Running jobs could not be recorded: ${storageProblem(error)}. If OrbDeck quits before they end, ` +
          'what they leave behind cannot be cleaned up at the next start.',
        SAVE_PROBLEM,
      );
    }
  }
}

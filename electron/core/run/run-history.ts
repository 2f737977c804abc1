/**
 * The last few commands run in each machine (newest first), kept in the data folder as run-history.json so
 * they survive a restart. A damaged file is read as empty (and replaced by the next run); a write that fails
 * keeps the history in memory and is retried with the next run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { RUN_AS, RUN_HISTORY_PER_MACHINE, type RunRecord } from '../../../shared/inside';
import { realWriter, type FileWriter } from '../platform/storage';

const RECORD = z.object({
  command: z.string(),
  as: z.enum(RUN_AS),
  workdir: z.string().optional(),
  at: z.number(),
  exitCode: z.number().nullable(),
  durationMs: z.number(),
  jobId: z.string(),
});
const FILE = z.record(z.string(), z.array(z.unknown()));

export class RunHistory {
  private readonly byMachine = new Map<string, RunRecord[]>();

  constructor(
    private readonly file: string,
    private readonly writer: FileWriter = realWriter,
  ) {
    if (!existsSync(file)) return;
    try {
      const parsed = FILE.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) return;
      for (const [machine, list] of Object.entries(parsed.data)) {
        const records = list.flatMap((r) => {
          const ok = RECORD.safeParse(r);
          return ok.success ? [stripUndefined(ok.data)] : [];
        });
        this.byMachine.set(machine, records.slice(0, RUN_HISTORY_PER_MACHINE));
      }
    } catch {
      // Unreadable: start empty; the next run writes a good file.
    }
  }

  list(machine: string): RunRecord[] {
    return (this.byMachine.get(machine) ?? []).map((r) => ({ ...r }));
  }

  add(machine: string, record: RunRecord): void {
    const list = [record, ...(this.byMachine.get(machine) ?? []).filter((r) => r.jobId !== record.jobId)];
    this.byMachine.set(machine, list.slice(0, RUN_HISTORY_PER_MACHINE));
    try {
      this.writer.replace(this.file, `${JSON.stringify(Object.fromEntries(this.byMachine), null, 2)}\n`);
    } catch {
      // Kept in memory; written with the next run.
    }
  }
}

function stripUndefined(record: z.output<typeof RECORD>): RunRecord {
  const { workdir, ...rest } = record;
  return workdir === undefined ? rest : { ...rest, workdir };
}

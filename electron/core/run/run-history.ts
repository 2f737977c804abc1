/**
 * The last few commands run in each machine (newest first), kept in the data folder as run-history.json so
 * they survive a restart. A damaged file, or damaged records in it, are kept beside it and said once
 * (data-file.ts); a write that fails keeps the history in memory and is retried with the next run.
 */
import { z } from 'zod';
import { RUN_AS, RUN_HISTORY_PER_MACHINE, type RunRecord } from '../../../shared/inside';
import { count, readDataFile, type DataFileContent } from '../platform/data-file';
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
  /** Set when the file could not be read as it was (what was set aside, and where it is kept). */
  readonly loadProblem: string | null;

  constructor(
    private readonly file: string,
    private readonly writer: FileWriter = realWriter,
  ) {
    const read = readDataFile(file, 'the recent commands', readRecords, writer, (entries) =>
      historyText(new Map(entries)),
    );
    for (const [machine, records] of read.value ?? []) this.byMachine.set(machine, records);
    this.loadProblem = read.problem;
  }

  list(machine: string): RunRecord[] {
    return (this.byMachine.get(machine) ?? []).map((r) => ({ ...r }));
  }

  add(machine: string, record: RunRecord): void {
    const list = [record, ...(this.byMachine.get(machine) ?? []).filter((r) => r.jobId !== record.jobId)];
    this.byMachine.set(machine, list.slice(0, RUN_HISTORY_PER_MACHINE));
    try {
      this.writer.replace(this.file, historyText(this.byMachine));
    } catch {
      // Kept in memory; written with the next run.
    }
  }
}

const historyText = (byMachine: Map<string, RunRecord[]>) =>
  `${JSON.stringify(Object.fromEntries(byMachine), null, 2)}\n`;

function readRecords(raw: unknown): DataFileContent<Array<[string, RunRecord[]]>> | null {
  const parsed = FILE.safeParse(raw);
  if (!parsed.success) return null;
  let bad = 0;
  const value = Object.entries(parsed.data).map(([machine, list]): [string, RunRecord[]] => {
    const records = list.flatMap((r) => {
      const ok = RECORD.safeParse(r);
      if (!ok.success) bad++;
      return ok.success ? [stripUndefined(ok.data)] : [];
    });
    return [machine, records.slice(0, RUN_HISTORY_PER_MACHINE)];
  });
  return { value, leftOut: bad > 0 ? [count(bad, 'damaged command record')] : [] };
}

function stripUndefined(record: z.output<typeof RECORD>): RunRecord {
  const { workdir, ...rest } = record;
  return workdir === undefined ? rest : { ...rest, workdir };
}

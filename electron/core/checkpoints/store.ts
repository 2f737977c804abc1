/**
 * What OrbDeck knows about checkpoints (label, time, source machine, size), kept in the data folder
 * as `checkpoints.json`. The machines themselves are the truth: a record whose machine is gone is not listed,
 * and a machine whose name marks it as a checkpoint (shared/checkpoint-names.ts) is listed even without a
 * record, so losing the data folder loses only the labels.
 */
import { z } from 'zod';
import { parseCheckpointName } from '../../../shared/checkpoint-names';
import type { CheckpointRecord } from '../../../shared/ipc/types';
import { shownTextProblem } from '../../../shared/shown-text';
import type { Machine } from '../../../shared/machine';
import { count, readDataFile, type DataFileContent } from '../platform/data-file';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';

const recordSchema = z.object({
  name: z.string(),
  sourceName: z.string(),
  sourceId: z.string().nullable(),
  // Shown as it is: a label with a newline or a right-to-left mark is not one OrbDeck wrote (shared/shown-text.ts).
  label: z.string().refine((s) => shownTextProblem(s) === null),
  createdAt: z.number(),
  size: z.number().nullable(),
  beforeRevert: z.boolean().optional(),
});
const fileSchema = z.object({ version: z.literal(1), records: z.array(z.unknown()) });

export interface CheckpointStoreOptions {
  writer?: FileWriter;
  /** Told after every change (the IPC event). */
  onChange?: () => void;
  /** A save failed: words ending a sentence ("the disk is full"). */
  onProblem?: (problem: string) => void;
}

export class CheckpointStore {
  private readonly records = new Map<string, CheckpointRecord>();
  private readonly writer: FileWriter;
  /** Set when the file could not be read as it was (what was set aside, and where it is kept). */
  loadProblem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly options: CheckpointStoreOptions = {},
  ) {
    this.writer = options.writer ?? realWriter;
    this.load();
  }

  /**
   * The checkpoints among `machines`: each with its record, or rediscovered from its name; sizes refreshed.
   * `unseen` adds the records whose machine is not (yet) in `machines`, for a window that holds a newer list.
   */
  list(machines: readonly Machine[], unseen = false): CheckpointRecord[] {
    const out: CheckpointRecord[] = [];
    if (unseen) {
      const present = new Set(machines.map((m) => m.name));
      for (const record of this.records.values()) if (!present.has(record.name)) out.push(record);
    }
    for (const machine of machines) {
      const known = this.records.get(machine.name);
      const parsed = known ? null : parseCheckpointName(machine.name);
      if (!known && !parsed) continue;
      const record: CheckpointRecord = known ?? {
        name: machine.name,
        sourceName: parsed!.source,
        sourceId: null,
        label: 'Checkpoint (found by its name)',
        createdAt: parsed!.createdAt,
        size: null,
      };
      const size = machine.diskSize ?? record.size;
      out.push({ ...record, size: size ?? null });
    }
    return out.sort((a, b) => b.createdAt - a.createdAt);
  }

  get(name: string): CheckpointRecord | undefined {
    return this.records.get(name);
  }

  add(record: CheckpointRecord): void {
    this.records.set(record.name, record);
    this.save();
  }

  remove(name: string): void {
    if (this.records.delete(name)) this.save();
  }

  /** After a revert the machine is a new clone with a new id: its checkpoints follow it. */
  retarget(oldId: string, newId: string, name: string): void {
    let changed = false;
    for (const [key, record] of this.records) {
      if (record.sourceId !== oldId) continue;
      this.records.set(key, { ...record, sourceId: newId, sourceName: name });
      changed = true;
    }
    if (changed) this.save();
  }

  private load(): void {
    // A damaged file is kept beside it and said once (data-file.ts); the names still find every checkpoint.
    const read = readDataFile(this.file, 'the checkpoint labels', readRecords, this.writer, recordsText);
    for (const record of read.value ?? []) this.records.set(record.name, record);
    this.loadProblem = read.problem;
  }

  private save(): void {
    try {
      const records = [...this.records.values()];
      this.writer.replace(this.file, recordsText(records));
    } catch (error) {
      this.options.onProblem?.(storageProblem(error));
    }
    this.options.onChange?.();
  }
}

const recordsText = (records: CheckpointRecord[]) => JSON.stringify({ version: 1, records }, null, 1) + '\n';

function readRecords(raw: unknown): DataFileContent<CheckpointRecord[]> | null {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return null;
  const records = parsed.data.records.flatMap((item) => {
    const record = recordSchema.safeParse(item);
    return record.success ? [stripUndefined(record.data)] : [];
  });
  const bad = parsed.data.records.length - records.length;
  return { value: records, leftOut: bad > 0 ? [count(bad, 'damaged checkpoint record')] : [] };
}

function stripUndefined(record: z.output<typeof recordSchema>): CheckpointRecord {
  const { beforeRevert, ...rest } = record;
  return beforeRevert === undefined ? rest : { ...rest, beforeRevert };
}

/**
 * What OrbDeck knows about checkpoints (the checkpoint machine's id, label, time, source machine, size), kept
 * in the data folder as `checkpoints.json`. These records are what makes a machine a checkpoint
 * (shared/checkpoint-records.ts), never its name alone; a record whose machine is gone is not listed.
 */
import { z } from 'zod';
import { splitCheckpoints } from '../../../shared/checkpoint-records';
import type { CheckpointRecord } from '../../../shared/ipc/types';
import { shownTextProblem } from '../../../shared/shown-text';
import type { Machine } from '../../../shared/machine';
import { count, readDataFile, type DataFileContent } from '../platform/data-file';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';

const recordSchema = z.object({
  name: z.string(),
  machineId: z.string().optional(),
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
   * The checkpoints among `machines`, with their names and sizes as the machines have them now. A record that
   * knew its machine only by name learns the machine's id here, and a record follows its machine's renames.
   * `unseen` adds the records whose machine is not (yet) in `machines`, for a window that holds a newer list.
   */
  list(machines: readonly Machine[], unseen = false): CheckpointRecord[] {
    const { checkpoints } = splitCheckpoints(machines, [...this.records.values()]);
    const out = checkpoints.map((c) => c.record);
    this.learn(out);
    if (unseen) {
      const present = new Set(machines.map((m) => m.id));
      const names = new Set(machines.map((m) => m.name));
      for (const record of this.records.values()) {
        const there = record.machineId ? present.has(record.machineId) : names.has(record.name);
        if (!there) out.push(record);
      }
    }
    return out.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** The machines that are not checkpoints (the tray lists and counts these, as the window does). */
  ordinary(machines: readonly Machine[]): Machine[] {
    return splitCheckpoints(machines, [...this.records.values()]).machines;
  }

  /** The record of this machine when it is a checkpoint. */
  recordOf(machine: Machine): CheckpointRecord | undefined {
    return splitCheckpoints([machine], [...this.records.values()]).checkpoints[0]?.record;
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

  /** Whether a record names the machine with this id (whatever it is called now). */
  hasMachine(machineId: string): boolean {
    return [...this.records.values()].some((r) => r.machineId === machineId);
  }

  /** Forgets the record of the machine with this id: it is an ordinary machine again (a revert put back). */
  forgetMachine(machineId: string): void {
    const key = [...this.records.entries()].find(([, r]) => r.machineId === machineId)?.[0];
    if (key !== undefined) this.remove(key);
  }

  /** Keeps what `list` saw of the records' machines: their ids (once) and their names (after a rename). */
  private learn(seen: readonly CheckpointRecord[]): void {
    let changed = false;
    for (const record of seen) {
      const byId = [...this.records.entries()].find(([, r]) => r.machineId === record.machineId);
      const [key, stored] = byId ?? [record.name, this.records.get(record.name)];
      if (!stored || (stored.machineId === record.machineId && stored.name === record.name)) continue;
      this.records.delete(key);
      this.records.set(record.name, { ...stored, name: record.name, machineId: record.machineId! });
      changed = true;
    }
    if (changed) this.save();
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
    // A damaged file is kept beside it and said once (data-file.ts); without records no machine is a checkpoint.
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
  const { beforeRevert, machineId, ...rest } = record;
  return {
    ...rest,
    ...(machineId === undefined ? {} : { machineId }),
    ...(beforeRevert === undefined ? {} : { beforeRevert }),
  };
}

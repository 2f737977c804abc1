/**
 * What OrbDeck remembers about machines, one record per machine id, in a file of the data folder (sandboxes,
 * start policies). The machines are the truth: a rename keeps a record (the id stays), a deletion ends it, and a
 * damaged record costs only itself. Saving never throws: a full disk keeps the records in memory and says so once.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Machine } from '../../../shared/machine';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';

export interface MachineRecord {
  /** The machine's id. */
  id: string;
  /** Its name as last seen. */
  name: string;
}

export interface MachineRecordsOptions<R> {
  file: string;
  /** One record as stored; records that do not match are left out when the file is read. */
  schema: z.ZodType<R>;
  writer?: FileWriter;
  /** Told after every change, with every record. */
  onChange?: (records: R[]) => void;
  /** A save failed: words ending a sentence ("the disk is full"). */
  onProblem?: (problem: string) => void;
}

export interface FollowRules<R> {
  /** The id a record's machine has now when it is not its own any more (a sandbox after a reset), or null. */
  movedTo?: (record: R) => string | null;
  /** A record left as it is for now (a machine in the middle of a reset is renamed aside for a while). */
  frozen?: (record: R) => boolean;
}

export class MachineRecords<R extends MachineRecord> {
  private readonly records = new Map<string, R>();

  constructor(private readonly options: MachineRecordsOptions<R>) {
    this.load();
  }

  list(): R[] {
    return [...this.records.values()];
  }

  get(id: string): R | undefined {
    return this.records.get(id);
  }

  /** A record by its machine's name (or id, which orbctl takes for a name too). */
  find(ref: string): R | undefined {
    return this.records.get(ref) ?? this.list().find((r) => r.name === ref);
  }

  set(record: R): void {
    this.records.set(record.id, record);
    this.changed();
  }

  /** Changes part of a record; answers the new record, or undefined when there is none. */
  patch(id: string, patch: Partial<Omit<R, 'id'>>): R | undefined {
    const record = this.records.get(id);
    if (!record) return undefined;
    const next = { ...record, ...patch };
    this.records.set(id, next);
    this.changed();
    return next;
  }

  remove(id: string): boolean {
    if (!this.records.delete(id)) return false;
    this.changed();
    return true;
  }

  /**
   * Follows the machine list: renames, records moved to another id, deletions. `listRead` says whether `machines`
   * is a real list (not the empty one before the first poll), without which nothing is taken for deleted.
   */
  follow(machines: readonly Machine[], listRead: boolean, rules: FollowRules<R> = {}): void {
    const byId = new Map(machines.map((m) => [m.id, m]));
    let changed = false;
    for (const record of this.list()) {
      if (rules.frozen?.(record)) continue;
      const moved = rules.movedTo?.(record);
      const id = moved && moved !== record.id && byId.has(moved) ? moved : record.id;
      const machine = byId.get(id);
      if (!machine) {
        if (listRead) changed = this.records.delete(record.id) || changed;
        continue;
      }
      if (id === record.id && machine.name === record.name) continue;
      if (id !== record.id) this.records.delete(record.id);
      this.records.set(id, { ...record, id, name: machine.name });
      changed = true;
    }
    if (changed) this.changed();
  }

  private changed(): void {
    const records = this.list();
    try {
      const writer = this.options.writer ?? realWriter;
      writer.replace(this.options.file, JSON.stringify({ version: 1, records }, null, 1) + '\n');
    } catch (error) {
      this.options.onProblem?.(storageProblem(error));
    }
    this.options.onChange?.(records);
  }

  private load(): void {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.options.file, 'utf8'));
    } catch {
      return; // none yet, or unreadable: nothing is remembered
    }
    const file = z.object({ version: z.literal(1), records: z.array(z.unknown()) }).safeParse(raw);
    if (!file.success) return;
    for (const item of file.data.records) {
      const record = this.options.schema.safeParse(item);
      if (record.success) this.records.set(record.data.id, record.data);
    }
  }
}

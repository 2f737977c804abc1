/**
 * Which machines are sandboxes, by machine id, in the data folder's sandboxes.json (docs/sandboxes.md). The machines
 * are the truth: a rename keeps a sandbox, a deletion ends it, and a reset (which makes the machine a new clone with
 * a new id) moves it to the new id, found through its golden checkpoint, which follows the machine through every
 * revert, also one a quit cut short.
 */
import { z } from 'zod';
import { TIME_LIMIT_ENDS, type SandboxRecord } from '../../../shared/sandboxes';
import type { Machine } from '../../../shared/machine';
import { MachineRecords } from '../machines/machine-records';
import type { FileWriter } from '../platform/storage';
import type { GoldenCheckpoints } from './golden';

const recordSchema: z.ZodType<SandboxRecord> = z.object({
  id: z.string().max(64),
  name: z.string().max(255),
  state: z.enum(['setting-up', 'saving-golden', 'ready', 'no-golden']),
  createdAt: z.number(),
  golden: z.object({ name: z.string().max(255), savedAt: z.number() }).nullable(),
  timeLimit: z
    .object({
      endsAt: z.number(),
      since: z.number(),
      then: z.enum(TIME_LIMIT_ENDS),
      warned: z.boolean().optional(),
    })
    .nullable(),
  problem: z.string().max(2000).optional(),
  preset: z.string().max(64).optional(),
});

export interface SandboxStoreOptions {
  file: string;
  writer?: FileWriter;
  onChange?: (records: SandboxRecord[]) => void;
  onProblem?: (problem: string) => void;
}

export class SandboxStore {
  private readonly records: MachineRecords<SandboxRecord>;
  /** Machines in the middle of a reset: renamed aside for a while, they are not followed until it ends. */
  private readonly resetting = new Set<string>();

  constructor(options: SandboxStoreOptions) {
    this.records = new MachineRecords({ ...options, schema: recordSchema });
  }

  list(): SandboxRecord[] {
    return this.records.list();
  }

  /** The sandbox a machine name (or id) names, if it is one. */
  find(ref: string): SandboxRecord | undefined {
    return this.records.find(ref);
  }

  add(record: SandboxRecord): void {
    this.records.set(record);
  }

  update(id: string, patch: Partial<Omit<SandboxRecord, 'id'>>): SandboxRecord | undefined {
    return this.records.patch(id, patch);
  }

  remove(id: string): void {
    this.records.remove(id);
  }

  /** While `work` runs, the sandbox `id` is not followed (its machine is renamed aside, then replaced). */
  async duringReset<T>(id: string, work: () => Promise<T>): Promise<T> {
    this.resetting.add(id);
    try {
      return await work();
    } finally {
      this.resetting.delete(id);
    }
  }

  /**
   * Renames, resets and deletions of the machines; a golden checkpoint gone from the list leaves its sandbox
   * without one (said in `problem`).
   */
  follow(machines: readonly Machine[], listRead: boolean, golden: Pick<GoldenCheckpoints, 'ownerOf'>): void {
    this.records.follow(machines, listRead, {
      movedTo: (r) => (r.golden ? golden.ownerOf(r.golden.name) : null),
      frozen: (r) => this.resetting.has(r.id),
    });
    if (!listRead) return;
    const names = new Set(machines.map((m) => m.name));
    for (const r of this.list()) {
      if (r.state === 'ready' && r.golden && !names.has(r.golden.name) && !this.resetting.has(r.id)) {
        this.update(r.id, {
          state: 'no-golden',
          golden: null,
          problem: `Its golden checkpoint ${r.golden.name} is gone. Save Golden keeps the state it has now.`,
        });
      }
    }
  }
}

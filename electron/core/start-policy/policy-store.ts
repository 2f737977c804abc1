/**
 * The start policies (shared/start-policy.ts), by machine id, in the data folder's start-policy.json. A machine
 * with neither half set has no record; a rename keeps its policy, a deletion ends it.
 */
import { z } from 'zod';
import type { Machine } from '../../../shared/machine';
import type { StartPolicy, StartPolicyRecord } from '../../../shared/start-policy';
import { MachineRecords } from '../machines/machine-records';
import type { FileWriter } from '../platform/storage';

const recordSchema: z.ZodType<StartPolicyRecord> = z.object({
  id: z.string().max(64),
  name: z.string().max(255),
  startWithApp: z.boolean(),
  stopOnQuit: z.boolean(),
});

export interface PolicyStoreOptions {
  file: string;
  writer?: FileWriter;
  onChange?: (records: StartPolicyRecord[]) => void;
  onProblem?: (problem: string) => void;
}

export class PolicyStore {
  private readonly records: MachineRecords<StartPolicyRecord>;

  constructor(options: PolicyStoreOptions) {
    this.records = new MachineRecords({ ...options, schema: recordSchema });
  }

  list(): StartPolicyRecord[] {
    return this.records.list();
  }

  /** The policy of `machine` with `change` applied; the record goes when neither half is set any more. */
  set(machine: Pick<Machine, 'id' | 'name'>, change: Partial<StartPolicy>): StartPolicyRecord {
    const before = this.records.get(machine.id);
    const next: StartPolicyRecord = {
      id: machine.id,
      name: machine.name,
      startWithApp: change.startWithApp ?? before?.startWithApp ?? false,
      stopOnQuit: change.stopOnQuit ?? before?.stopOnQuit ?? false,
    };
    if (next.startWithApp || next.stopOnQuit) this.records.set(next);
    else this.records.remove(machine.id);
    return next;
  }

  follow(machines: readonly Machine[], listRead: boolean): void {
    this.records.follow(machines, listRead);
  }
}

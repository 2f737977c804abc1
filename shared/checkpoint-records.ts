/**
 * Which machines are checkpoints: the ones OrbDeck's own records name (docs/checkpoints.md). A record knows
 * its checkpoint by the checkpoint machine's id, which a person's choice of name cannot imitate: a machine
 * someone named `web--cp-20260101-000000` is an ordinary machine, counted, listed and never deleted as a
 * checkpoint. A record written before ids were kept knows its machine by name until it learns the id.
 */
import type { CheckpointRecord } from './ipc/types';
import type { Machine } from './machine';

export interface CheckpointMachine {
  machine: Machine;
  record: CheckpointRecord;
}

export interface SplitMachines {
  /** The machines that are not checkpoints, in the order given: the list, its counts and its selection. */
  machines: Machine[];
  /** Each checkpoint with its record; the record's name and size follow the machine's. */
  checkpoints: CheckpointMachine[];
}

export function splitCheckpoints(
  machines: readonly Machine[],
  records: readonly CheckpointRecord[],
): SplitMachines {
  if (records.length === 0) return { machines: [...machines], checkpoints: [] };
  const byId = new Map<string, CheckpointRecord>();
  const byName = new Map<string, CheckpointRecord>();
  for (const r of records) {
    if (r.machineId) byId.set(r.machineId, r);
    else byName.set(r.name, r);
  }
  const ordinary: Machine[] = [];
  const checkpoints: CheckpointMachine[] = [];
  for (const machine of machines) {
    const record = byId.get(machine.id) ?? byName.get(machine.name);
    if (!record) ordinary.push(machine);
    else
      checkpoints.push({
        machine,
        record: {
          ...record,
          name: machine.name,
          machineId: machine.id,
          size: machine.diskSize ?? record.size,
        },
      });
  }
  return { machines: ordinary, checkpoints };
}

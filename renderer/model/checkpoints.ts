/**
 * Checkpoints are ordinary OrbStack machines. Given the machines and OrbDeck's checkpoint records,
 * this separates them: the ordinary machines for the list, and for each machine its checkpoints (newest
 * first), so the list can hide checkpoints and say "3 checkpoints" under their machine. A machine whose name
 * marks it as a checkpoint counts as one even without a record (the data folder was lost).
 */
import { parseCheckpointName } from '../../shared/checkpoint-names';
import type { CheckpointRecord } from '../../shared/ipc/types';
import type { Machine } from '../../shared/machine';

export interface Checkpoint extends CheckpointRecord {
  /** The checkpoint's own machine (its state, its size). */
  machine: Machine;
}

export interface CheckpointGroups {
  /** The machines that are not checkpoints, in the order given. */
  machines: Machine[];
  /** Machine name → its checkpoints, newest first. */
  byMachine: Map<string, Checkpoint[]>;
  /** Checkpoints whose machine is gone (deleted or renamed elsewhere): still there, listed apart. */
  orphans: Checkpoint[];
}

function recordFor(
  machine: Machine,
  records: ReadonlyMap<string, CheckpointRecord>,
): CheckpointRecord | null {
  const known = records.get(machine.name);
  if (known) return known;
  const parsed = parseCheckpointName(machine.name);
  if (!parsed) return null;
  return {
    name: machine.name,
    sourceName: parsed.source,
    sourceId: null,
    label: 'Checkpoint (found by its name)',
    createdAt: parsed.createdAt,
    size: null,
  };
}

export function groupCheckpoints(
  machines: readonly Machine[],
  records: readonly CheckpointRecord[],
): CheckpointGroups {
  const byName = new Map(records.map((r) => [r.name, r]));
  const ordinary: Machine[] = [];
  const checkpoints: Checkpoint[] = [];
  for (const machine of machines) {
    const record = recordFor(machine, byName);
    if (record) checkpoints.push({ ...record, size: machine.diskSize ?? record.size, machine });
    else ordinary.push(machine);
  }
  const ids = new Map(ordinary.map((m) => [m.id, m.name]));
  const names = new Set(ordinary.map((m) => m.name));
  const byMachine = new Map<string, Checkpoint[]>();
  const orphans: Checkpoint[] = [];
  for (const cp of checkpoints.sort((a, b) => b.createdAt - a.createdAt)) {
    // By id first: it survives a rename of the machine; by name when the record was found by its name.
    const owner = (cp.sourceId && ids.get(cp.sourceId)) || (names.has(cp.sourceName) ? cp.sourceName : null);
    if (!owner) {
      orphans.push(cp);
      continue;
    }
    const list = byMachine.get(owner) ?? [];
    list.push(cp);
    byMachine.set(owner, list);
  }
  return { machines: ordinary, byMachine, orphans };
}

/** "1 checkpoint", "3 checkpoints". */
export function checkpointCount(n: number): string {
  return n === 1 ? '1 checkpoint' : `${n} checkpoints`;
}

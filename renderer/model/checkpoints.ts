/**
 * Checkpoints are ordinary OrbStack machines. Given the machines and OrbDeck's checkpoint records, this
 * separates them (shared/checkpoint-records.ts decides which machine is a checkpoint): the ordinary machines for
 * the list, and for each machine its checkpoints (newest first), so the list can hide checkpoints and say
 * "3 checkpoints" under their machine.
 */
import { splitCheckpoints } from '../../shared/checkpoint-records';
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
  /** Every checkpoint, whether its machine is there or not. */
  count: number;
}

export function groupCheckpoints(
  machines: readonly Machine[],
  records: readonly CheckpointRecord[],
): CheckpointGroups {
  const split = splitCheckpoints(machines, records);
  const ordinary = split.machines;
  const checkpoints: Checkpoint[] = split.checkpoints.map(({ machine, record }) => ({ ...record, machine }));
  const ids = new Map(ordinary.map((m) => [m.id, m.name]));
  const names = new Set(ordinary.map((m) => m.name));
  const byMachine = new Map<string, Checkpoint[]>();
  const orphans: Checkpoint[] = [];
  for (const cp of checkpoints.sort((a, b) => b.createdAt - a.createdAt)) {
    // By id first: it survives a rename of the machine; by name for a record that did not know the id.
    const owner = (cp.sourceId && ids.get(cp.sourceId)) || (names.has(cp.sourceName) ? cp.sourceName : null);
    if (!owner) {
      orphans.push(cp);
      continue;
    }
    const list = byMachine.get(owner) ?? [];
    list.push(cp);
    byMachine.set(owner, list);
  }
  return { machines: ordinary, byMachine, orphans, count: checkpoints.length };
}

/** "1 checkpoint", "3 checkpoints". */
export function checkpointCount(n: number): string {
  return n === 1 ? '1 checkpoint' : `${n} checkpoints`;
}

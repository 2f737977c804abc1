// The checkpoint records, pulled once and then followed through `checkpoints:changed`.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CheckpointRecord } from '../../shared/ipc/types';
import type { Machine } from '../../shared/machine';
import { follower } from './follow';
import { groupCheckpoints, type CheckpointGroups } from '../model/checkpoints';
import { selectMachines, useMachines } from './machines';

interface CheckpointsState {
  records: CheckpointRecord[];
  set(records: CheckpointRecord[]): void;
}

export const useCheckpointRecords = create<CheckpointsState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

/** Starts following the records (once per window); safe to call from every component that shows them. */
export const followCheckpoints = follower('checkpoint:list', {}, 'checkpoints:changed', (records) =>
  useCheckpointRecords.getState().set(records),
);

let last: {
  machines: readonly Machine[];
  records: readonly CheckpointRecord[];
  groups: CheckpointGroups;
} | null = null;

/** The grouping of these machines and records, worked out once however many views ask for it. */
export function checkpointGroupsOf(
  machines: readonly Machine[],
  records: readonly CheckpointRecord[],
): CheckpointGroups {
  if (last?.machines !== machines || last.records !== records)
    last = { machines, records, groups: groupCheckpoints(machines, records) };
  return last.groups;
}

/**
 * The machines and their checkpoints, as renderer/model/checkpoints.ts groups them. Its `machines` are the
 * list: the rows, every count of machines (title, sidebar, menus) and what ⌘A selects all come from them.
 */
export function useCheckpointGroups(): CheckpointGroups {
  useEffect(followCheckpoints, []);
  const machines = useMachines(selectMachines);
  const records = useCheckpointRecords((s) => s.records);
  return checkpointGroupsOf(machines, records);
}

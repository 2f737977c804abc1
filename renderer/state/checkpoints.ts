// The checkpoint records, pulled once and then followed through `checkpoints:changed`.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CheckpointRecord } from '../../shared/ipc/types';
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

/** The machines and their checkpoints, as renderer/model/checkpoints.ts groups them. */
export function useCheckpointGroups(): CheckpointGroups {
  useEffect(followCheckpoints, []);
  const machines = useMachines(selectMachines);
  const records = useCheckpointRecords((s) => s.records);
  return groupCheckpoints(machines, records);
}

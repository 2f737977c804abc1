// Issue 14: the checkpoint records, pulled once and then followed through `checkpoints:changed`.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CheckpointRecord } from '../../shared/ipc/types';
import { getApi } from '../api/api';
import { groupCheckpoints, type CheckpointGroups } from '../lib/checkpoints';
import { selectMachines, useMachines } from './machines';

interface CheckpointsState {
  records: CheckpointRecord[];
  set(records: CheckpointRecord[]): void;
}

export const useCheckpointRecords = create<CheckpointsState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

let following = false;

/** Starts following the records (once per window); safe to call from every component that shows them. */
export function followCheckpoints(): void {
  if (following) return;
  following = true;
  const api = getApi();
  api.on('checkpoints:changed', (records) => useCheckpointRecords.getState().set(records));
  api
    .invoke('checkpoint:list', {})
    .then((records) => useCheckpointRecords.getState().set(records))
    .catch(() => {
      following = false;
    });
}

/** The machines and their checkpoints, as renderer/lib/checkpoints.ts groups them. */
export function useCheckpointGroups(): CheckpointGroups {
  useEffect(followCheckpoints, []);
  const machines = useMachines(selectMachines);
  const records = useCheckpointRecords((s) => s.records);
  return groupCheckpoints(machines, records);
}

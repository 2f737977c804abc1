// The machines being set up with cloud-init (and those whose cloud-init failed), pulled once and
// then followed through `setup:changed`.
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { SetupRecord } from '../../shared/ipc/types';
import { follower } from './follow';

interface SetupState {
  records: SetupRecord[];
  set(records: SetupRecord[]): void;
}

export const useSetupRecords = create<SetupState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

/** Starts following the records (once per window). */
export const followSetup = follower('setup:list', {}, 'setup:changed', (records) =>
  useSetupRecords.getState().set(records),
);

/** Machine name → its setup, for the rows and the inspector. */
export function useSetupByName(): ReadonlyMap<string, SetupRecord> {
  useEffect(followSetup, []);
  const records = useSetupRecords((s) => s.records);
  return useMemo(() => new Map(records.map((r) => [r.name, r])), [records]);
}

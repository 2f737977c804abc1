// The machines being set up with cloud-init (and those whose cloud-init failed), pulled and followed by
// renderer/commands/followed-lists.ts.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { SetupRecord } from '../../shared/ipc/types';

interface SetupState {
  records: SetupRecord[];
  set(records: SetupRecord[]): void;
}

export const useSetupRecords = create<SetupState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

/** Machine name → its setup, for the rows and the inspector. */
export function useSetupByName(): ReadonlyMap<string, SetupRecord> {
  const records = useSetupRecords((s) => s.records);
  return useMemo(() => new Map(records.map((r) => [r.name, r])), [records]);
}

// The sandboxes, pulled and followed by renderer/commands/followed-lists.ts.
import { useMemo } from 'react';
import { create } from 'zustand';
import type { SandboxRecord } from '../../shared/sandboxes';

interface SandboxState {
  records: SandboxRecord[];
  set(records: SandboxRecord[]): void;
}

export const useSandboxRecords = create<SandboxState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

/** Machine name → its sandbox, for the rows, the sidebar and the inspector. */
export function useSandboxByName(): ReadonlyMap<string, SandboxRecord> {
  const records = useSandboxRecords((s) => s.records);
  return useMemo(() => new Map(records.map((r) => [r.name, r])), [records]);
}

/** The sandbox `name` is, for commands outside React. */
export const sandboxNamed = (name: string) =>
  useSandboxRecords.getState().records.find((r) => r.name === name);

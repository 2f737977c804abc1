// The sandboxes, pulled once and then followed through `sandboxes:changed`.
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { SandboxRecord } from '../../shared/sandboxes';
import { follower } from './follow';

interface SandboxState {
  records: SandboxRecord[];
  set(records: SandboxRecord[]): void;
}

export const useSandboxRecords = create<SandboxState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

/** Starts following the sandboxes (once per window). */
export const followSandboxes = follower('sandbox:list', {}, 'sandboxes:changed', (records) =>
  useSandboxRecords.getState().set(records),
);

/** Machine name → its sandbox, for the rows, the sidebar and the inspector. */
export function useSandboxByName(): ReadonlyMap<string, SandboxRecord> {
  useEffect(followSandboxes, []);
  const records = useSandboxRecords((s) => s.records);
  return useMemo(() => new Map(records.map((r) => [r.name, r])), [records]);
}

/** The sandbox `name` is, for commands outside React. */
export const sandboxNamed = (name: string) =>
  useSandboxRecords.getState().records.find((r) => r.name === name);

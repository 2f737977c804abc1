// The start policies (which machines start with OrbDeck and stop when it quits), followed like the sandboxes.
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { StartPolicyRecord } from '../../shared/start-policy';
import { follower } from './follow';

interface PolicyState {
  records: StartPolicyRecord[];
  set(records: StartPolicyRecord[]): void;
}

export const usePolicyRecords = create<PolicyState>()((set) => ({
  records: [],
  set: (records) => set({ records }),
}));

export const followPolicies = follower('policy:list', {}, 'policy:changed', (records) =>
  usePolicyRecords.getState().set(records),
);

/** Machine name → its start policy (none: neither half set). */
export function usePolicyByName(): ReadonlyMap<string, StartPolicyRecord> {
  useEffect(followPolicies, []);
  const records = usePolicyRecords((s) => s.records);
  return useMemo(() => new Map(records.map((r) => [r.name, r])), [records]);
}

export const policyNamed = (name: string) => usePolicyRecords.getState().records.find((r) => r.name === name);

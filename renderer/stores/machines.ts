import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { MachinesSnapshot } from '../../shared/ipc/contract';
import type { Machine } from '../../shared/machine';

interface MachinesState {
  /** The core's last snapshot; null until the first one arrives. */
  snapshot: MachinesSnapshot | null;
  /** Why the snapshot could not be fetched at all (distinct from the core's own polling error). */
  fetchError: AppErrorData | null;
  selected: string | null;
  setSnapshot(snapshot: MachinesSnapshot): void;
  setFetchError(error: AppErrorData | null): void;
  select(name: string | null): void;
}

export const useMachines = create<MachinesState>()((set) => ({
  snapshot: null,
  fetchError: null,
  selected: null,
  setSnapshot: (snapshot) =>
    set((state) => {
      // A pulled snapshot can arrive after a newer event: keep the newest.
      if (state.snapshot && state.snapshot.version > snapshot.version) return state;
      // Keep the selection only while that machine exists.
      const keep = state.selected && snapshot.machines.some((m) => m.name === state.selected);
      return { snapshot, fetchError: null, selected: keep ? state.selected : null };
    }),
  setFetchError: (fetchError) => set({ fetchError }),
  select: (selected) => set({ selected }),
}));

export function selectMachines(state: MachinesState): Machine[] {
  return state.snapshot?.machines ?? EMPTY;
}
const EMPTY: Machine[] = [];

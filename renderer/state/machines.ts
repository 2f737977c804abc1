import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { MachinesSnapshot } from '../../shared/ipc/contract';
import type { Machine } from '../../shared/machine';
import {
  clickSelection,
  EMPTY_SELECTION,
  pruneSelection,
  selectAll,
  selectOne,
  type ClickModifiers,
  type Selection,
} from '../model/selection';

export interface MachinesState {
  /** The core's last snapshot; null until the first one arrives. */
  snapshot: MachinesSnapshot | null;
  /** Why the snapshot could not be fetched at all (distinct from the core's own polling error). */
  fetchError: AppErrorData | null;
  selection: Selection;
  /** The focused machine (the one the inspector shows and single-machine commands act on). */
  selected: string | null;
  setSnapshot(snapshot: MachinesSnapshot): void;
  setFetchError(error: AppErrorData | null): void;
  /** Select exactly this machine (or none). */
  select(name: string | null): void;
  /** A click on a row, with ⌘ (toggle) and ⇧ (range) as the list shows `shown`. */
  click(name: string, modifiers: ClickModifiers, shown: readonly string[]): void;
  selectAll(shown: readonly string[]): void;
  /** The list shows only these rows now (a filter, a view, rows leaving it): nothing else stays selected. */
  keepShown(shown: readonly string[]): void;
}

const withSelection = (selection: Selection) => ({ selection, selected: selection.focus });

export const useMachines = create<MachinesState>()((set) => ({
  snapshot: null,
  fetchError: null,
  ...withSelection(EMPTY_SELECTION),
  setSnapshot: (snapshot) =>
    set((state) => {
      // A pulled snapshot can arrive after a newer event: keep the newest.
      if (state.snapshot && state.snapshot.version > snapshot.version) return state;
      // Keep selected only the machines that still exist.
      const names = new Set(snapshot.machines.map((m) => m.name));
      return {
        snapshot,
        fetchError: null,
        ...withSelection(pruneSelection(state.selection, (n) => names.has(n))),
      };
    }),
  setFetchError: (fetchError) => set({ fetchError }),
  select: (name) => set(withSelection(selectOne(name))),
  click: (name, modifiers, shown) =>
    set((state) => withSelection(clickSelection(state.selection, name, modifiers, shown))),
  selectAll: (shown) => set((state) => withSelection(selectAll(shown, state.selection))),
  keepShown: (shown) =>
    set((state) => {
      const names = new Set(shown);
      const kept = pruneSelection(state.selection, (n) => names.has(n));
      return kept === state.selection ? state : withSelection(kept);
    }),
}));

export function selectMachines(state: MachinesState): Machine[] {
  return state.snapshot?.machines ?? EMPTY;
}
const EMPTY: Machine[] = [];

/** The selected machines that exist, in list order of the snapshot. */
export function selectedMachines(state: MachinesState): Machine[] {
  const names = new Set(state.selection.names);
  return (state.snapshot?.machines ?? EMPTY).filter((m) => names.has(m.name));
}

/**
 * Resolves once the first snapshot (or the failure to fetch one) is in the store, or after `waitMs`. The
 * window's first render waits for it: rendering the empty shell first and the list after cost a second
 * render, layout and paint before the list showed (README, Performance: page load).
 */
export function firstSnapshot(waitMs: number): Promise<void> {
  const arrived = (state: MachinesState) => state.snapshot !== null || state.fetchError !== null;
  if (arrived(useMachines.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    const unsubscribe = useMachines.subscribe((state) => {
      if (arrived(state)) done();
    });
  });
}

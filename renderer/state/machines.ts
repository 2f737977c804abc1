import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { MachinesChange, MachinesSnapshot } from '../../shared/ipc/contract';
import { applyMachinesChange } from '../../shared/machines-change';
import { jobEffect } from '../../shared/job-effects';
import type { Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';
import {
  settleEffects,
  shownList,
  unseenEffects,
  type PendingEffect,
  type ShownList,
} from '../model/pending-effects';
import { keepUnchanged } from '../model/same-machines';
import {
  clickSelection,
  EMPTY_SELECTION,
  pruneSelection,
  renameInSelection,
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
  /**
   * The machines the window shows: the snapshot's, with the effects of finished actions that no list has
   * confirmed yet (`pending`); `unconfirmed` names their rows.
   */
  machines: Machine[];
  unconfirmed: ReadonlySet<string>;
  pending: readonly PendingEffect[];
  selection: Selection;
  /** The focused machine (the one the inspector shows and single-machine commands act on). */
  selected: string | null;
  /**
   * A whole snapshot (pulled, or answered after an action). False when changes that came before it cannot be
   * applied to it: a fresh pull is needed.
   */
  setSnapshot(snapshot: MachinesSnapshot): boolean;
  /**
   * A change the core sent (shared/machines-change.ts), applied to the snapshot it was made from. False when it
   * was made from another one (a change was missed): a fresh pull is needed. Changes that come before the first
   * snapshot wait for it.
   */
  applyChange(change: MachinesChange): boolean;
  /** Changes that came before the first snapshot. */
  early: MachinesChange[];
  /**
   * A job succeeded: shows its effect at once (shared/job-effects.ts), until a list confirms it. Whether an
   * effect now waits for a list.
   */
  expect(job: Job): boolean;
  /**
   * A list read after the jobs `jobIds` ended: confirms or corrects their effects. The corrections, in words.
   */
  settle(jobIds: readonly string[], snapshot: MachinesSnapshot): string[];
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

/** The state once this snapshot is the one shown. */
function receive(state: MachinesState, snapshot: MachinesSnapshot): Partial<MachinesState> {
  // A list that shows an effect confirms it; keep selected only the machines that still show.
  const pending = unseenEffects(state.pending, snapshot.machines);
  return { snapshot, fetchError: null, ...showing(snapshot, pending, state.selection) };
}

/** The shown list of this snapshot and these effects, with the selection kept to the machines it shows. */
function showing(
  snapshot: MachinesSnapshot | null,
  pending: readonly PendingEffect[],
  selection: Selection,
): Pick<MachinesState, 'pending' | 'selection' | 'selected'> & ShownList {
  const shown = shownList(snapshot?.machines ?? EMPTY, pending);
  const names = new Set(shown.machines.map((m) => m.name));
  return { pending, ...shown, ...withSelection(pruneSelection(selection, (n) => names.has(n))) };
}

export const useMachines = create<MachinesState>()((set, get) => ({
  snapshot: null,
  fetchError: null,
  machines: [],
  unconfirmed: new Set(),
  pending: [],
  ...withSelection(EMPTY_SELECTION),
  early: [],
  setSnapshot: (snapshot) => {
    const state = get();
    // A pulled snapshot can arrive after a newer event: keep the newest.
    if (state.snapshot && state.snapshot.version > snapshot.version) return true;
    const kept = {
      ...snapshot,
      machines: keepUnchanged(state.snapshot?.machines ?? EMPTY, snapshot.machines),
    };
    set({ ...receive(state, kept), early: [] });
    return state.early.every((change) => get().applyChange(change));
  },
  applyChange: (change) => {
    const state = get();
    if (!state.snapshot) {
      set({ early: [...state.early, change] });
      return true;
    }
    // Already in a snapshot pulled since.
    if (change.version <= state.snapshot.version) return true;
    const next = applyMachinesChange(state.snapshot, change);
    if (!next) return false;
    set(receive(state, next));
    return true;
  },
  expect: (job) => {
    const effect = jobEffect(job);
    const state = get();
    if (!effect || state.pending.some((p) => p.jobId === job.id)) return false;
    // A list that already shows it (read while orbctl was finishing) leaves nothing to wait for.
    const pending = unseenEffects(
      [...state.pending, { jobId: job.id, title: job.title, effect }],
      state.snapshot?.machines ?? EMPTY,
    );
    if (pending.length === state.pending.length) return false;
    // A renamed machine that was selected stays selected under its new name.
    const selection =
      effect.kind === 'rename'
        ? renameInSelection(state.selection, effect.machine, effect.to)
        : state.selection;
    set(showing(state.snapshot, pending, selection));
    return true;
  },
  settle: (jobIds, snapshot) => {
    get().setSnapshot(snapshot);
    const state = get();
    const settled = settleEffects(state.pending, new Set(jobIds), state.snapshot?.machines ?? EMPTY);
    if (settled.pending.length !== state.pending.length)
      set(showing(state.snapshot, settled.pending, state.selection));
    return settled.corrections;
  },
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

/** The machines as the window shows them (with the effects of finished actions not yet confirmed). */
export function selectMachines(state: MachinesState): Machine[] {
  return state.machines;
}
const EMPTY: Machine[] = [];

/** The selected machines that exist, in list order. */
export function selectedMachines(state: MachinesState): Machine[] {
  const names = new Set(state.selection.names);
  return state.machines.filter((m) => names.has(m.name));
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

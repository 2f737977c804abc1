import { create } from 'zustand';
import type { HistoryEntry, Job } from '../../shared/jobs';

interface HistoryState {
  /** Newest first. */
  entries: HistoryEntry[];
  replace(entries: HistoryEntry[]): void;
  /** Entries pulled from the core (oldest first), added to those that arrived as events meanwhile. */
  merge(entries: HistoryEntry[]): void;
  /** Adds a job that just finished (from jobs:changed), once. */
  add(job: Job): void;
}

export const useHistory = create<HistoryState>()((set) => ({
  entries: [],
  replace: (entries) => set({ entries: [...entries].reverse() }),
  merge: (entries) =>
    set((state) => {
      const known = new Set(state.entries.map((e) => e.id));
      const pulled = [...entries].reverse().filter((e) => !known.has(e.id));
      return { entries: [...state.entries, ...pulled].sort((a, b) => b.endedAt - a.endedAt).slice(0, 1000) };
    }),
  add: (job) =>
    set((state) =>
      state.entries.some((e) => e.id === job.id)
        ? state
        : { entries: [job as HistoryEntry, ...state.entries].slice(0, 1000) },
    ),
}));

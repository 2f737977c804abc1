import { create } from 'zustand';
import type { HistoryEntry, Job } from '../../shared/jobs';

interface HistoryState {
  /** Newest first. */
  entries: HistoryEntry[];
  replace(entries: HistoryEntry[]): void;
  /** Adds a job that just finished (from jobs:changed), once. */
  add(job: Job): void;
}

export const useHistory = create<HistoryState>()((set) => ({
  entries: [],
  replace: (entries) => set({ entries: [...entries].reverse() }),
  add: (job) =>
    set((state) =>
      state.entries.some((e) => e.id === job.id)
        ? state
        : { entries: [job as HistoryEntry, ...state.entries].slice(0, 1000) },
    ),
}));

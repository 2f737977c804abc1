import { create } from 'zustand';
import type { Job } from '../../shared/jobs';

interface JobsState {
  jobs: Record<string, Job>;
  /** When (this window's clock) each job was last heard of. */
  heardAt: Record<string, number>;
  upsert(job: Job): void;
  /**
   * The list pulled at `since`: merged, not swapped in, because events that arrived while the pull was under
   * way are newer than it. Jobs absent from the list and not heard of since the pull began are gone (the core
   * restarted).
   */
  merge(jobs: Job[], since: number): void;
}

const newer = (a: Job | undefined, b: Job) => !a || (b.rev ?? 0) >= (a.rev ?? 0);

export const useJobs = create<JobsState>()((set) => ({
  jobs: {},
  heardAt: {},
  upsert: (job) =>
    set((state) =>
      newer(state.jobs[job.id], job)
        ? { jobs: { ...state.jobs, [job.id]: job }, heardAt: { ...state.heardAt, [job.id]: Date.now() } }
        : state,
    ),
  merge: (list, since) =>
    set((state) => {
      const jobs: Record<string, Job> = {};
      const heardAt: Record<string, number> = {};
      for (const [id, job] of Object.entries(state.jobs)) {
        if ((state.heardAt[id] ?? 0) >= since) {
          jobs[id] = job;
          heardAt[id] = state.heardAt[id]!;
        }
      }
      for (const job of list) {
        if (newer(jobs[job.id], job)) {
          jobs[job.id] = job;
          heardAt[job.id] = heardAt[job.id] ?? since;
        }
      }
      return { jobs, heardAt };
    }),
}));

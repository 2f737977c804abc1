import { create } from 'zustand';
import { isFinished, type Job } from '../../shared/jobs';

interface JobsState {
  jobs: Record<string, Job>;
  upsert(job: Job): void;
  replaceAll(jobs: Job[]): void;
}

export const useJobs = create<JobsState>()((set) => ({
  jobs: {},
  upsert: (job) => set((state) => ({ jobs: { ...state.jobs, [job.id]: job } })),
  replaceAll: (jobs) => set({ jobs: Object.fromEntries(jobs.map((j) => [j.id, j])) }),
}));

/** Queued and running jobs that touch `machine`, oldest first. */
export function activeJobsFor(jobs: Record<string, Job>, machine: string): Job[] {
  return Object.values(jobs)
    .filter((j) => j.machine === machine && !isFinished(j))
    .sort((a, b) => a.createdAt - b.createdAt);
}

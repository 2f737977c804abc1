/**
 * A bulk action (Start on 20 machines, Delete 3 Machines…, Run on several) asks for one job per machine; they
 * carry one batch id so that History shows them as one entry (shared/jobs.ts, Job.batch).
 */
let made = 0;

export function newBatchId(): string {
  made += 1;
  return `batch-${Date.now().toString(36)}-${made.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The request's batch field, or nothing (a single action's request stays as it was). */
export function inBatch(batch: string | undefined): { batch?: string } {
  return batch === undefined ? {} : { batch };
}

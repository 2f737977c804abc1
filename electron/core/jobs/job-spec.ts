// What a job is, as the code that asks for it describes it, and what its work sees while it runs.
import type { Job, JobKind, JobProgress } from '../../../shared/jobs';

export interface JobContext {
  /** Aborted when the user cancels; pass it to every orbctl call. */
  readonly signal: AbortSignal;
  report(progress: JobProgress): void;
  /** Records facts about the job (shown in Activity and kept in the history). */
  note(facts: JobFacts): void;
}

/** What a job's work says about how it really ended, when that differs from "it returned, so it succeeded". */
export interface JobResult {
  /** A cancel that came too late ends as 'succeeded' with an outcome that says so. */
  state?: 'succeeded' | 'cancelled';
  outcome?: string;
  leftover?: { machine: string };
  bytes?: number;
}

/** Lets a running job say what it now knows: the size it works on, the final path. */
export interface JobFacts {
  sourceBytes?: number;
  path?: string;
}

export interface JobSpec {
  kind: JobKind;
  machine: string;
  title: string;
  /** Every machine the job touches (defaults to `machine`); all are reserved while it runs. */
  touches?: string[];
  path?: string;
  /** Files the job may leave half-written if OrbDeck dies under it (removed at the next start). */
  scratchFiles?: readonly string[];
  cancellable?: boolean;
  /** The bulk action the job belongs to (Job.batch). */
  batch?: string;
  run(context: JobContext): Promise<JobResult | void>;
}

/** Wraps a job's whole run, e.g. in the timing wrapper. */
export type JobWrapper = <T>(job: Job, work: () => Promise<T>) => Promise<T>;

/** The spec, marked as one of the jobs of bulk action `batch` when there is one. */
export function inBatch(spec: JobSpec, batch: string | undefined): JobSpec {
  return batch === undefined ? spec : { ...spec, batch };
}

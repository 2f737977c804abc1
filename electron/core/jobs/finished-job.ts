import type { Job, JobRequester } from '../../../shared/jobs';

/** A job that is over as soon as it is asked (an agent's read, or a refusal): it ran for no time at `now`. */
export function finishedJob(
  id: string,
  now: number,
  what: Pick<Job, 'kind' | 'machine' | 'title'>,
  ending: Pick<Job, 'outcome' | 'error'>,
  by: JobRequester | undefined,
): Job {
  return {
    ...what,
    id,
    state: ending.error ? 'failed' : 'succeeded',
    createdAt: now,
    startedAt: now,
    endedAt: now,
    durationMs: 0,
    cancellable: false,
    ...(ending.outcome === undefined ? {} : { outcome: ending.outcome }),
    ...(ending.error === undefined ? {} : { error: ending.error }),
    ...(by ? { by } : {}),
  };
}

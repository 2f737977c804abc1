import { AppError, ErrorCode } from '../../../shared/errors';
import type { JobKind } from '../../../shared/jobs';
import type { Schedulable, Scheduler } from './scheduler';

/** What admission needs to know about a request and the queued jobs. */
export interface Admissible extends Schedulable {
  /** Two requests with the same key do exactly the same thing; undefined when that cannot be told. */
  readonly key: string | undefined;
}

/**
 * The identity of a request, from what the job spec says: kind, machines, file and title. Create and push
 * carry arguments their spec does not show (sizes, user, cloud-init; the list of files), so two of them are
 * never taken for the same request.
 */
export function requestKey(spec: {
  kind: JobKind;
  machine: string;
  title: string;
  touches?: readonly string[] | undefined;
  path?: string | undefined;
}): string | undefined {
  // Running a command twice is two runs; a pull's title does not show its source.
  if (spec.kind === 'create' || spec.kind === 'push' || spec.kind === 'run' || spec.kind === 'pull')
    return undefined;
  return JSON.stringify([spec.kind, spec.touches ?? [spec.machine], spec.path ?? null, spec.title]);
}

/**
 * Whether a new request becomes a job. A request identical to the last job queued on its machines is that
 * job: doing the same thing twice in a row ends as doing it once (a second start finds the machine running;
 * a second export writes the same file), so the existing job is the answer. Only the last one: answering an
 * earlier identical job would reorder the user's requests (start, stop, start, stop must end stopped).
 * Beyond `maxQueuedPerMachine` waiting jobs a machine takes no more: refused with BUSY, naming it.
 */
export function admit<T extends Admissible>(request: Admissible, scheduler: Scheduler<T>): T | null {
  const lastOn = (machine: string) => scheduler.queuedOn(machine).at(-1);
  const same = lastOn(request.machines[0] ?? '');
  // The same key means the same machines; the job must be the last one waiting on each of them.
  if (
    request.key !== undefined &&
    same?.key === request.key &&
    request.machines.every((m) => lastOn(m) === same)
  )
    return same;
  for (const m of request.machines) {
    const waiting = scheduler.queuedOn(m).length;
    if (waiting >= scheduler.limits.maxQueuedPerMachine) {
      throw new AppError(
        ErrorCode.BUSY,
        `${m} already has ${waiting} actions waiting; OrbDeck takes more for it once some have run or been cancelled.`,
        { notes: [`jobs waiting for ${m}: ${waiting} (the limit)`] },
      );
    }
  }
  return null;
}

/**
 * The one path to an honest outcome after orbctl was stopped. orbctl is only a client of OrbStack's daemon:
 * killing it (a cancel), giving up on it (a timeout) or losing it (it died of a signal) does not stop the work.
 * So after any of these the machines are read again and the job's own check says whether the change happened
 * anyway; the job then ends with what really happened, never with a guess.
 */
import { AppError, ErrorCode } from '../../../shared/errors';
import type { MachinesSnapshot } from '../../../shared/ipc/contract';
import type { Machine } from '../../../shared/machine';
import type { JobResult } from './job-manager';

/** What a job needs of the machine store. */
export interface MachineSource {
  refresh(): Promise<Pick<MachinesSnapshot, 'machines'>>;
  /**
   * An action that changes the list begins: polls come quickly, the first soon, and reading nobody waits for
   * holds back. The answer says it ended: a poll at once.
   */
  actionBegins(): () => void;
}

/** Did the job's change happen? Words for the person (`stuck was created`), or null. */
export type Happened = (machines: readonly Machine[]) => {
  words: string;
  /** A machine the person may want to delete after a cancel (made although they cancelled). */
  leftover?: string;
} | null;

export interface Reconcile {
  /** Null when it cannot be told from the machine list (an export's file, a push). */
  happened: Happened | null;
  /** What a real cancel left, e.g. "Cancelled; no machine was created." */
  cancelled: string | (() => string);
  /**
   * Nothing the machine list shows changes (an export writes a file; a limit is not in the list). Not for run,
   * pull and push: orbctl starts a stopped machine for them.
   */
  listUnchanged?: boolean;
}

export type Stop = 'cancel' | 'timeout' | 'crash';

/** The kind of stop an error reports, or null for an ordinary failure (orbctl said no). */
export function stopOf(error: unknown): Stop | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === ErrorCode.CANCELLED) return 'cancel';
  if (error.code === ErrorCode.TIMEOUT) return 'timeout';
  if (error.code === ErrorCode.ORBCTL_FAILED && error.detail?.signal) return 'crash';
  return null;
}

/** How an outcome reads after each kind of stop, around the job's own words. */
const OUTCOME: Record<Stop, (words: string) => string> = {
  cancel: (words) => `The cancel came too late: ${words} anyway.`,
  timeout: (words) => `orbctl gave no answer in time, but ${words}.`,
  crash: (words) => `orbctl stopped unexpectedly, but ${words}.`,
};

/**
 * After a job's work threw: an ordinary failure is rethrown as it is; after a stop, the machines are read again
 * and the job ends as what happened. A cancel whose change did not happen is a real cancel; a timeout or crash
 * whose change did not happen stays the failure it was.
 */
export async function reconcile(error: unknown, machines: MachineSource, how: Reconcile): Promise<JobResult> {
  const stop = stopOf(error);
  if (!stop) throw error;
  const done = how.happened ? how.happened((await machines.refresh()).machines) : null;
  if (!done) {
    if (stop === 'cancel') {
      return {
        state: 'cancelled',
        outcome: typeof how.cancelled === 'string' ? how.cancelled : how.cancelled(),
      };
    }
    throw error;
  }
  return {
    state: 'succeeded',
    outcome: OUTCOME[stop](done.words),
    // Only a cancel asked for the machine not to exist; after a timeout the person still wanted it.
    ...(stop === 'cancel' && done.leftover ? { leftover: { machine: done.leftover } } : {}),
  };
}

/**
 * Runs `work` with the outcome reconciled after any stop, as an action of the machine list (polled soon as it
 * begins and at once as it ends, nothing else read meanwhile), unless the job changes nothing the list shows
 * (`listUnchanged`), whose polls would only compete with its own orbctl for the machine.
 */
export async function honestly(
  machines: MachineSource,
  how: Reconcile,
  work: () => Promise<JobResult | void>,
): Promise<JobResult | void> {
  const ended = how.listUnchanged ? null : machines.actionBegins();
  try {
    return await work();
  } catch (error) {
    return reconcile(error, machines, how);
  } finally {
    ended?.();
  }
}

export const find = (machines: readonly Machine[], name: string) => machines.find((m) => m.name === name);

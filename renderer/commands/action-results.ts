import type { Api } from '../api/api';
import type { MachinesReadAfter, MachinesSnapshot } from '../../shared/ipc/contract';
import type { Job } from '../../shared/jobs';
import { useMachines } from '../state/machines';
import { useToasts } from '../state/toasts';

/** Jobs whose effect waits for the next list, gathered while that list is asked for. */
let waiting: string[] = [];

/**
 * A job that succeeded: its row shows the result at once, marked as not yet confirmed (the machines store,
 * shared/job-effects.ts), and a list read after the job ended confirms or corrects it. A correction is said
 * once, in a message. The core polls as every action ends; asking for that poll's answer (not a poll of its
 * own) is what ties it to the jobs that ended before it. Jobs that end together wait for the same list.
 */
export function showActionResult(api: Api, job: Job): void {
  if (!useMachines.getState().expect(job)) return;
  waiting.push(job.id);
  if (waiting.length > 1) return;
  queueMicrotask(() => {
    const jobIds = waiting;
    waiting = [];
    void api.invoke('machines:read-after', { jobIds }).then(
      (answer) => void readAfter(api, answer).then((snapshot) => settleWith(jobIds, snapshot)),
      () => settleWith(jobIds, null),
    );
  });
}

/**
 * The snapshot that holds the list the core read: the window's own once the changes sent before the answer are
 * in (they always are, unless one was missed: then the whole list is pulled). Null when that read failed.
 */
async function readAfter(api: Api, answer: MachinesReadAfter): Promise<MachinesSnapshot | null> {
  if (answer.lastError) return null;
  const shown = useMachines.getState().snapshot;
  if (shown && shown.version >= answer.version) return shown;
  try {
    const pulled = await api.invoke('machines:snapshot', {});
    useMachines.getState().setSnapshot(pulled);
    return pulled;
  } catch {
    return null;
  }
}

/**
 * Settles the jobs' effects with a list read after they ended. A list that could not be read says nothing
 * about them: they wait for the next one that could (polls never overlap, so it was read later still).
 */
function settleWith(jobIds: readonly string[], snapshot: MachinesSnapshot | null): void {
  if (snapshot && !snapshot.lastError) {
    for (const text of useMachines.getState().settle(jobIds, snapshot))
      useToasts.getState().push({ kind: 'warning', text });
    return;
  }
  if (snapshot) useMachines.getState().setSnapshot(snapshot);
  const unsubscribe = useMachines.subscribe((state, before) => {
    if (state.snapshot === before.snapshot || !state.snapshot || state.snapshot.lastError) return;
    unsubscribe();
    settleWith(jobIds, state.snapshot);
  });
}

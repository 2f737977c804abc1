import type { EventOf, IpcChannel, IpcEvent, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Job } from '../../shared/jobs';
import { getApi } from '../api/api';
import { useJobs } from '../state/jobs';

/**
 * The renderer's one door to the core: views, components and hooks ask through these (the layer rule in
 * tools/lint/layer-table.mjs lets nothing else below the app's root reach renderer/api).
 */

/** A question or an immediate change, answered by the core; an error arrives as an AppError. */
export function ask<C extends IpcChannel>(channel: C, req: RequestOf<C>): Promise<ResponseOf<C>> {
  return getApi().invoke(channel, req);
}

/** The channels whose answer is the job they started. */
type JobChannel = { [C in IpcChannel]: ResponseOf<C> extends Job ? C : never }[IpcChannel];

/**
 * Starts a job and shows it at once: the job the core answers with goes into the jobs store before its first
 * event, so the row, Activity and the dialog that asked follow it from the first moment.
 */
export async function startJob<C extends JobChannel>(channel: C, req: RequestOf<C>): Promise<Job> {
  const job = (await getApi().invoke(channel, req)) as Job;
  useJobs.getState().upsert(job);
  return job;
}

/** Follows a core event until the returned function is called. */
export function onCoreEvent<E extends IpcEvent>(
  event: E,
  listener: (payload: EventOf<E>) => void,
): () => void {
  return getApi().on(event, listener);
}

/** In the desktop app (native dialogs, Finder, Terminal), rather than a browser tab on the headless host. */
export const isDesktop = (): boolean => getApi().transport === 'electron';

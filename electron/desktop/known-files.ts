import type { HistoryEntry, Job } from '../../shared/jobs';

/**
 * Files OrbDeck wrote itself: the target of an export that finished, in this session (the job manager) or
 * before (the history). The only paths Electron shows in Finder; a page cannot name any other.
 */
export function isExportedFile(
  path: string,
  jobs: readonly Job[],
  history: readonly HistoryEntry[],
): boolean {
  const wrote = (job: Job) => job.kind === 'export' && job.state === 'succeeded' && job.path === path;
  return jobs.some(wrote) || history.some(wrote);
}

import { pastTense } from '../../shared/job-endings';
import { isAgentRefusal, isFinished, type Job } from '../../shared/jobs';

export interface QuitQuestion {
  message: string;
  detail: string;
  buttons: [quit: string, stay: string];
}

/** What cancelling each kind of job on quit means, in words. */
const CONSEQUENCE: Partial<Record<Job['kind'], string>> = {
  export: 'the partial export file is removed',
  import: 'the import stops; a machine that was already made is reported when OrbDeck opens again',
  clone: 'the copy stops; a machine that was already made stays',
  create: 'orbctl is stopped, but OrbStack may still finish creating the machine',
};

/**
 * The question to ask before quitting while jobs are queued or running, saying what happens to them; null
 * when nothing is running and quitting needs no question.
 */
export function quitQuestion(jobs: readonly Job[]): QuitQuestion | null {
  const active = jobs.filter((j) => !isFinished(j));
  if (active.length === 0) return null;
  const running = active.filter((j) => j.state === 'running');
  const lines = running.map((j) => `• ${j.title}: ${CONSEQUENCE[j.kind] ?? 'it is cancelled'}.`);
  const queued = active.length - running.length;
  if (queued) lines.push(`• ${queued} queued job${queued === 1 ? '' : 's'} will not run.`);
  return {
    message: `${active.length} job${active.length === 1 ? ' is' : 's are'} not finished. Quit anyway?`,
    detail: `Quitting cancels ${active.length === 1 ? 'it' : 'them'}:\n${lines.join('\n')}`,
    buttons: ['Quit and Cancel Jobs', 'Keep Running'],
  };
}

/** The system notification for a job that ended while no OrbDeck window had the focus. */
export function jobNotification(job: Job): { title: string; body: string } | null {
  if (!isFinished(job)) return null;
  if (job.by === 'agent') {
    return isAgentRefusal(job) ? { title: job.title, body: job.error?.message ?? '' } : null;
  }
  const took =
    job.durationMs === undefined
      ? ''
      : ` in ${(job.durationMs / 1000).toFixed(job.durationMs < 10_000 ? 1 : 0)} s`;
  switch (job.state) {
    case 'succeeded':
      // Worded as the window words it (shared/job-endings.ts).
      return { title: pastTense(job.title), body: job.outcome ?? `Finished${took}.` };
    case 'failed':
      return { title: `${job.title}: failed`, body: job.error?.message ?? 'See Activity for the details.' };
    default:
      return { title: `${job.title}: cancelled`, body: job.outcome ?? 'Nothing was changed.' };
  }
}

import type { Job } from '../../shared/jobs';
import { useToasts } from './toasts';

/**
 * Tells the user how a job ended when it is worth saying: every failure (with its details), and any outcome
 * that differs from the plain result (a cancel that came too late). Quiet successes need no toast: the list
 * already shows them.
 */
export function noticeJobChange(before: Job | undefined, job: Job): void {
  if (before?.state === job.state) return;
  const push = useToasts.getState().push;
  if (job.state === 'failed' && job.error) {
    push({
      kind: 'error',
      text: `${job.title} failed`,
      error: { ...job.error, message: `${job.title} failed: ${job.error.message}` },
    });
  } else if (job.outcome && job.state === 'succeeded') {
    push({ kind: 'info', text: job.outcome });
  }
}

import { jobEnding } from '../../shared/job-endings';
import { isAgentRefusal, type Job } from '../../shared/jobs';
import { getApi } from '../api/api';
import { useToasts } from './toasts';
import { useUi } from './ui';

/**
 * A job whose own dialog is open and follows it (Run Command, Copy File from Machine): its ending is in front
 * of the person already, and is said there once.
 */
function watched(job: Job): boolean {
  const dialog = useUi.getState().dialog;
  if (job.kind === 'run' && dialog?.kind === 'run') return dialog.machine === job.machine;
  if (job.kind === 'run' && dialog?.kind === 'run-many') return dialog.machines.includes(job.machine);
  if (job.kind === 'pull' && dialog?.kind === 'pull') return dialog.machine === job.machine;
  return false;
}

/** Where a job's file can be seen: Finder in the desktop app; a browser can only copy the path. */
function revealAction(path: string, transport: 'electron' | 'headless'): { label: string; run(): void } {
  return transport === 'electron'
    ? { label: 'Show in Finder', run: () => void getApi().invoke('desktop:show-item', { path }) }
    : { label: 'Copy Path', run: () => void navigator.clipboard.writeText(path) };
}

/**
 * Tells the user how a job ended when it is worth saying: every failure (with its details), a job that ran
 * for a few seconds and went well (one passing line naming what happened and where, shared/job-endings.ts),
 * any outcome that differs from the plain result (a cancel that came too late), and, in a browser tab the user
 * has left, every ending. Quick successes need no toast (their row shows them), and a job watched in its own
 * dialog needs none at all.
 */
export function noticeJobChange(before: Job | undefined, job: Job, transport: 'electron' | 'headless'): void {
  if (before?.state === job.state || watched(job)) return;
  const push = useToasts.getState().push;
  if (job.by === 'agent') {
    if (isAgentRefusal(job)) push({ kind: 'warning', text: `${job.title}: ${job.error?.message ?? ''}` });
    return;
  }
  const away = typeof document !== 'undefined' && !document.hasFocus();
  if (job.state === 'failed' && job.error && job.kind === 'run') {
    // A command's exit code is the command's answer, not a fault of the machine or of OrbDeck: a passing line.
    push({ kind: 'info', text: `${job.title}: ${job.error.message}` });
  } else if (job.state === 'failed' && job.error) {
    push({
      kind: 'error',
      text: `${job.title} failed`,
      error: { ...job.error, message: `${job.title} failed: ${job.error.message}` },
    });
  } else if (job.state === 'succeeded' && jobEnding(job)) {
    const ending = jobEnding(job)!;
    push({
      kind: 'success',
      text: ending.text,
      ...(ending.path ? { action: revealAction(ending.path, transport) } : {}),
    });
  } else if (job.outcome && job.state === 'succeeded') {
    push({ kind: 'info', text: job.outcome });
  } else if (away && transport === 'headless' && (job.state === 'succeeded' || job.state === 'cancelled')) {
    // Electron shows a system notification from the main process; a browser tab gets a toast to come back to.
    push({
      kind: job.state === 'succeeded' ? 'success' : 'info',
      text: `${job.title}: ${job.state === 'succeeded' ? 'done' : 'cancelled'}.`,
    });
  }
}

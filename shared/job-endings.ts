/**
 * How a job that went well is said when it ends, in the window (a message that fades) and in the desktop app's
 * notification: what happened, in the past tense, with the size and the file where there is one ("Exported
 * api to api-20261206-101500.tar.zst, 394.0 MB"). Only a job that ran for a few seconds gets a message: a
 * quick one is seen ending in its row.
 */
import type { Job } from './jobs';
import { formatBytes } from './byte-size';

/** A job that ran at least this long is said to have ended. */
export const SAY_DONE_AFTER_MS = 3000;

const PAST: Record<string, string> = {
  Clone: 'Cloned',
  Copy: 'Copied',
  Create: 'Created',
  Delete: 'Deleted',
  Export: 'Exported',
  Import: 'Imported',
  Make: 'Made',
  Rename: 'Renamed',
  Restart: 'Restarted',
  Revert: 'Reverted',
  Run: 'Ran',
  Save: 'Saved',
  Set: 'Set',
  Start: 'Started',
  Stop: 'Stopped',
};

/** "Export api to api.tar.zst" → "Exported api to api.tar.zst". */
export function pastTense(title: string): string {
  const space = title.indexOf(' ');
  const verb = space === -1 ? title : title.slice(0, space);
  const past = PAST[verb];
  return past ? past + title.slice(verb.length) : `${title}: done`;
}

export interface JobEnding {
  text: string;
  /** The file the job wrote, to show in Finder or copy. */
  path?: string;
}

/** What to say about a job that succeeded after running for a while; null for any other. */
export function jobEnding(job: Job): JobEnding | null {
  if (job.state !== 'succeeded' || (job.durationMs ?? 0) < SAY_DONE_AFTER_MS) return null;
  const size = job.bytes !== undefined && job.kind !== 'import' ? `, ${formatBytes(job.bytes)}` : '';
  // What really happened, when the job says more than its plain result (a note, a command's exit code).
  const text = `${pastTense(job.title)}${size}${job.outcome ? `. ${job.outcome}` : ''}`;
  const wrote = (job.kind === 'export' || job.kind === 'pull') && job.path;
  return wrote ? { text, path: job.path! } : { text };
}

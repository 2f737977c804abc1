import { CircleCheck, ListChecks } from 'lucide-react';
import { isFinished } from '../../../shared/jobs';
import { runWindowCommand } from '../../commands/window-commands';
import { shortcutLabel } from '../../model/shortcuts';
import { useJobs } from '../../state/jobs';
import { useUi } from '../../state/ui';
import { useUploads } from '../../state/uploads';

/**
 * The toolbar's Activity button, like Safari's downloads button: a ring that fills with the running jobs'
 * combined progress (spinning when none can say how far it is) and a count; a click opens the Activity popover.
 */
export function ActivityIndicator() {
  const open = useUi((s) => s.activityOpen);
  const jobs = useJobs((s) => s.jobs);
  const sending = useUploads((s) => s.uploads.length);
  const active = Object.values(jobs).filter((j) => !isFinished(j));
  const running = active.filter((j) => j.state === 'running');
  const queued = active.length - running.length;
  const busy = running.length + sending;
  const fractions = running.map((j) => j.progress?.fraction).filter((f): f is number => f !== undefined);
  const fraction = fractions.length ? fractions.reduce((a, b) => a + b, 0) / fractions.length : undefined;
  const key = shortcutLabel('activity');
  const summary = busy + queued > 0 ? `: ${busy} running${queued ? `, ${queued} queued` : ''}` : '';
  return (
    <button
      type="button"
      className={`icon-button activity-indicator${busy ? ' busy' : ''}`}
      aria-label="Activity"
      aria-pressed={open}
      aria-controls="activity-popover"
      title={`Activity${key ? ` (${key})` : ''}${summary}`}
      onClick={() => runWindowCommand('activity')}
    >
      {busy > 0 ? (
        <svg
          viewBox="0 0 20 20"
          width="18"
          height="18"
          aria-hidden
          className={fraction === undefined ? 'spin' : ''}
        >
          <circle cx="10" cy="10" r="8" className="ring-track" />
          <circle
            cx="10"
            cy="10"
            r="8"
            className="ring-fill"
            pathLength={100}
            strokeDasharray={`${Math.max(8, Math.round((fraction ?? 0.25) * 100))} 100`}
          />
        </svg>
      ) : active.length ? (
        <ListChecks size={16} aria-hidden />
      ) : (
        <CircleCheck size={16} aria-hidden />
      )}
      {busy + queued > 0 && (
        <span className="count" aria-hidden="true">
          {busy + queued}
        </span>
      )}
    </button>
  );
}

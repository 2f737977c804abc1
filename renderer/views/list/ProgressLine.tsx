import type { Job } from '../../../shared/jobs';

/** A job's progress in a row: a thin bar, determinate when the job knows how far it is. */
export function ProgressLine({ job }: { job: Job }) {
  const fraction = job.progress?.fraction;
  const label = `Progress of ${job.title}`;
  if (job.state === 'queued') return null;
  return (
    <span
      className={`row-progress${fraction === undefined ? ' indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(fraction === undefined ? {} : { 'aria-valuenow': Math.round(fraction * 100) })}
    >
      <span
        className="row-progress-fill"
        style={fraction === undefined ? undefined : { width: `${fraction * 100}%` }}
      />
    </span>
  );
}

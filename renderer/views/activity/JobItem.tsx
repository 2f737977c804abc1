import type { Job } from '../../../shared/jobs';
import { getApi } from '../../api/api';
import { formatBytes, formatDuration } from '../../model/format';
import { AgentTag } from './AgentTag';

/** A queued or running job: what it does, how far it is (honestly), how long it has run, and Cancel. */
export function JobItem({ job, now }: { job: Job; now: number }) {
  const p = job.progress;
  const determinate = p?.fraction !== undefined;
  const elapsed = job.startedAt ? now - job.startedAt : 0;
  return (
    <li className="job-item" aria-label={job.title}>
      <div className="job-line">
        <strong>{job.title}</strong>
        {job.by === 'agent' && <AgentTag />}
        {job.cancellable && (
          <button
            type="button"
            aria-label={`Cancel ${job.title}`}
            onClick={() =>
              void getApi()
                .invoke('jobs:cancel', { id: job.id })
                .catch(() => {})
            }
          >
            Cancel
          </button>
        )}
      </div>
      {job.state === 'queued' ? (
        <p className="muted">{job.waitingFor ?? 'Queued'}</p>
      ) : (
        <>
          <div
            className={`progress${determinate ? '' : ' indeterminate'}`}
            role="progressbar"
            aria-label={`Progress of ${job.title}`}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(determinate ? { 'aria-valuenow': Math.round(p!.fraction! * 100) } : {})}
          >
            <div
              className="progress-fill"
              style={determinate ? { width: `${p!.fraction! * 100}%` } : undefined}
            />
          </div>
          <p className="job-meta">
            {p?.bytesDone !== undefined && (
              <span>
                {formatBytes(p.bytesDone)}
                {p.bytesTotal !== undefined && ` of about ${formatBytes(p.bytesTotal)}`}
              </span>
            )}
            <span>{formatDuration(elapsed)} elapsed</span>
            {p?.etaMs !== undefined && (
              <span title={p.basis}>about {formatDuration(p.etaMs)} left (estimate)</span>
            )}
            {p?.etaMs === undefined && p?.basis && <span className="muted">{p.basis}</span>}
          </p>
        </>
      )}
    </li>
  );
}

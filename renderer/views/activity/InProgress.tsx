import { isFinished } from '../../../shared/jobs';
import { formatBytes } from '../../model/format';
import { useNow } from '../../hooks/use-now';
import { useJobs } from '../../state/jobs';
import { useUploads } from '../../state/uploads';
import { JobItem } from './JobItem';

/** Running and queued jobs, running first, with files still being sent to the host. */
export function InProgress() {
  const jobs = useJobs((s) => s.jobs);
  const uploads = useUploads((s) => s.uploads);
  const active = Object.values(jobs)
    .filter((j) => !isFinished(j))
    .sort((a, b) => (a.state === b.state ? a.createdAt - b.createdAt : a.state === 'running' ? -1 : 1));
  const now = useNow(active.length > 0);
  if (active.length === 0 && uploads.length === 0) return <p className="muted">Nothing is running.</p>;
  return (
    <ul className="job-list" aria-label="In progress">
      {uploads.map((u) => (
        <li key={u.id} className="job-item" aria-label={`Sending ${u.name}`}>
          <div className="job-line">
            <strong>Sending {u.name} to OrbDeck</strong>
            <button type="button" aria-label={`Cancel sending ${u.name}`} onClick={() => u.abort.abort()}>
              Cancel
            </button>
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label={`Progress of sending ${u.name}`}
            aria-valuenow={Math.round((u.loaded / Math.max(1, u.total)) * 100)}
          >
            <div className="progress-fill" style={{ width: `${(u.loaded / Math.max(1, u.total)) * 100}%` }} />
          </div>
          <p className="job-meta">
            {formatBytes(u.loaded)} of {formatBytes(u.total)}
          </p>
        </li>
      ))}
      {active.map((job) => (
        <JobItem key={job.id} job={job} now={now} />
      ))}
    </ul>
  );
}

import { isFinished } from '../../../shared/jobs';
import { getApi } from '../../api/api';
import { toErrorData } from '../../../shared/errors';
import { formatBytes } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useHistory } from '../../stores/history';
import { useJobs } from '../../stores/jobs';
import { useToasts } from '../../stores/toasts';
import { useUi } from '../../stores/ui';
import { useUploads } from '../../stores/uploads';
import { HistoryItem } from './HistoryItem';
import { JobItem } from './JobItem';

const SHOWN_HISTORY = 100;

/** Running and queued jobs (with files still being sent), then the history of finished ones. */
export function ActivityPanel() {
  const jobs = useJobs((s) => s.jobs);
  const history = useHistory((s) => s.entries);
  const uploads = useUploads((s) => s.uploads);
  const close = () => useUi.getState().setActivityOpen(false);
  const active = Object.values(jobs)
    .filter((j) => !isFinished(j))
    .sort((a, b) => (a.state === b.state ? a.createdAt - b.createdAt : a.state === 'running' ? -1 : 1));
  const now = useNow(active.length > 0);

  const exportHistory = async (format: 'json' | 'csv') => {
    try {
      const { fileName, text } = await getApi().invoke('jobs:history-export', { format });
      const url = URL.createObjectURL(
        new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }),
      );
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      useToasts
        .getState()
        .push({ kind: 'error', text: 'Could not export the history', error: toErrorData(error) });
    }
  };
  const clear = async () => {
    await getApi().invoke('jobs:history-clear', {});
    useHistory.getState().replace([]);
  };

  return (
    <section className="activity" aria-label="Activity" id="activity-panel">
      <header className="activity-header">
        <h2>Activity</h2>
        <button type="button" aria-label="Close Activity" onClick={close}>
          ×
        </button>
      </header>
      <h3>In progress</h3>
      {active.length === 0 && uploads.length === 0 ? (
        <p className="muted">Nothing is running.</p>
      ) : (
        <ul className="job-list">
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
                <div
                  className="progress-fill"
                  style={{ width: `${(u.loaded / Math.max(1, u.total)) * 100}%` }}
                />
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
      )}
      <div className="history-header">
        <h3>History</h3>
        <div className="toolbar-spacer" />
        <button type="button" disabled={history.length === 0} onClick={() => void exportHistory('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={history.length === 0} onClick={() => void exportHistory('json')}>
          Export JSON
        </button>
        <button type="button" disabled={history.length === 0} onClick={() => void clear()}>
          Clear History
        </button>
      </div>
      {history.length === 0 ? (
        <p className="muted">Finished jobs appear here, with how long they took.</p>
      ) : (
        <ul className="job-list" aria-label="History">
          {history.slice(0, SHOWN_HISTORY).map((entry) => (
            <HistoryItem key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

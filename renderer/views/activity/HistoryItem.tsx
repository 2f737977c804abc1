import type { HistoryEntry } from '../../../shared/jobs';
import { getApi } from '../../api/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes, formatDuration } from '../../model/format';
import { useConnection } from '../../state/connection';
import { useUi } from '../../state/ui';
import { AgentTag } from './AgentTag';

const OUTCOME = { succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled' } as const;

/** A finished job: outcome, duration, size, and what to do next (see the file, delete a leftover). */
export function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const open = useUi((s) => s.open);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  const when = new Date(entry.endedAt).toLocaleString();
  return (
    <li className={`history-item outcome-${entry.state}`} aria-label={entry.title}>
      <div className="job-line">
        <span className="outcome-badge">{OUTCOME[entry.state]}</span>
        <strong>{entry.title}</strong>
        {entry.by === 'agent' && <AgentTag />}
      </div>
      <p className="job-meta">
        <time dateTime={new Date(entry.endedAt).toISOString()}>{when}</time>
        {entry.durationMs !== undefined && <span>took {formatDuration(entry.durationMs)}</span>}
        {entry.bytes !== undefined && <span>{formatBytes(entry.bytes)}</span>}
      </p>
      {entry.outcome && <p className="outcome-text">{entry.outcome}</p>}
      {entry.error && <ErrorDetails error={entry.error} />}
      <div className="history-actions">
        {entry.kind === 'export' && entry.state === 'succeeded' && entry.path && (
          <>
            {electron ? (
              <button
                type="button"
                onClick={() => void getApi().invoke('desktop:show-item', { path: entry.path! })}
              >
                Show in Finder
              </button>
            ) : (
              <code className="path" title={entry.path}>
                {entry.path}
              </code>
            )}
            <CopyButton text={entry.path} label="Copy Path" />
          </>
        )}
        {entry.leftover && (
          <button
            type="button"
            className="danger"
            onClick={() => open({ kind: 'delete', machine: entry.leftover!.machine })}
          >
            Delete {entry.leftover.machine}
          </button>
        )}
      </div>
    </li>
  );
}

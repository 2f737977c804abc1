import type { HistoryEntry } from '../../../shared/jobs';
import { ask } from '../../commands/core';
import { CopyButton } from '../../components/CopyButton';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatAgo, formatBytes, formatDuration } from '../../model/format';
import { useConnection } from '../../state/connection';
import { useUi } from '../../state/ui';
import { AgentTag } from './AgentTag';
import { OutcomeSymbol } from './OutcomeSymbol';

/**
 * A finished job as one compact line of History (outcome, what, machine, duration, size, when), with a second
 * line only when there is more to know or do: the error, what really happened, the file written, a leftover.
 */
export function HistoryItem({ entry, now }: { entry: HistoryEntry; now: number }) {
  const hasMore =
    entry.error !== undefined ||
    entry.outcome !== undefined ||
    entry.leftover !== undefined ||
    (entry.kind === 'export' && entry.state === 'succeeded' && entry.path !== undefined);
  return (
    <li className={`history-row outcome-${entry.state}`} aria-label={entry.title}>
      <div className="history-line">
        <span className="history-disclosure" />
        <OutcomeSymbol state={entry.state} />
        <span className="history-what" title={entry.title}>
          {entry.title}
          {entry.by === 'agent' && <AgentTag />}
        </span>
        <span className="history-machine" title={entry.machine}>
          {entry.machine}
        </span>
        <span className="history-duration">
          {entry.durationMs === undefined ? '' : formatDuration(entry.durationMs)}
        </span>
        <span className="history-size">{entry.bytes === undefined ? '' : formatBytes(entry.bytes)}</span>
        <HistoryTime at={entry.endedAt} now={now} />
      </div>
      {hasMore && <HistoryDetails entry={entry} />}
    </li>
  );
}

/** When a job ended, relative to now, with the date and time as its tooltip. */
export function HistoryTime({ at, now }: { at: number; now: number }) {
  const date = new Date(at);
  return (
    <time className="history-when" dateTime={date.toISOString()} title={date.toLocaleString()}>
      {formatAgo(at, now)}
    </time>
  );
}

function HistoryDetails({ entry }: { entry: HistoryEntry }) {
  const open = useUi((s) => s.open);
  const electron = useConnection((s) => s.info?.transport === 'electron');
  return (
    <div className="history-details">
      {entry.outcome && <p className="outcome-text">{entry.outcome}</p>}
      {entry.error && <ErrorDetails error={entry.error} />}
      <div className="history-actions">
        {entry.kind === 'export' && entry.state === 'succeeded' && entry.path && (
          <>
            {electron ? (
              <button type="button" onClick={() => void ask('desktop:show-item', { path: entry.path! })}>
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
    </div>
  );
}

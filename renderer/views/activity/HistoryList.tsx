import { useMemo } from 'react';
import { useNow } from '../../hooks/use-now';
import {
  filterHistory,
  groupHistory,
  NO_HISTORY_FILTER,
  type HistoryFilter,
} from '../../model/history-groups';
import { useHistory } from '../../state/history';
import { HistoryGroupItem } from './HistoryGroupItem';
import { HistoryItem } from './HistoryItem';

/** Relative times ("4 min ago") move on this often. */
const CLOCK_MS = 30_000;

/**
 * Finished jobs as a compact table, newest first, the jobs of one bulk action as one entry, at most `limit`
 * lines: in the Activity popover (`compact`: what, duration, when) and on the History page (with its filter).
 */
export function HistoryList({
  label,
  limit,
  filter = NO_HISTORY_FILTER,
  compact = false,
}: {
  label: string;
  limit: number;
  filter?: HistoryFilter;
  compact?: boolean;
}) {
  const history = useHistory((s) => s.entries);
  const now = useNow(history.length > 0, CLOCK_MS);
  const groups = useMemo(() => groupHistory(filterHistory(history, filter)), [history, filter]);
  if (history.length === 0)
    return <p className="muted">Finished jobs appear here, with how long they took.</p>;
  if (groups.length === 0) return <p className="muted">No finished job matches the filter.</p>;
  return (
    <div className={`history-table-box${compact ? ' compact' : ''}`}>
      {!compact && (
        <div className="history-line history-head" aria-hidden="true">
          <span className="history-disclosure" />
          <span className="outcome-symbol" />
          <span className="history-what">Job</span>
          <span className="history-machine">Machine</span>
          <span className="history-duration">Duration</span>
          <span className="history-size">Size</span>
          <span className="history-when">Ended</span>
        </div>
      )}
      <ul className="history-table" aria-label={label}>
        {groups
          .slice(0, limit)
          .map((group) =>
            group.entries.length === 1 ? (
              <HistoryItem key={group.key} entry={group.entries[0]!} now={now} />
            ) : (
              <HistoryGroupItem key={group.key} group={group} now={now} />
            ),
          )}
      </ul>
      {!compact && groups.length > limit && (
        <p className="muted">
          Showing the newest {limit} of {groups.length}.
        </p>
      )}
    </div>
  );
}

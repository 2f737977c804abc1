import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { formatBytes, formatDuration } from '../../model/format';
import type { HistoryGroup } from '../../model/history-groups';
import { HistoryItem, HistoryTime } from './HistoryItem';
import { OutcomeSymbol } from './OutcomeSymbol';

/** The jobs of one bulk action as one line ("Start 20 machines — 20 done"), opened to show each job. */
export function HistoryGroupItem({ group, now }: { group: HistoryGroup; now: number }) {
  const [open, setOpen] = useState(false);
  const what = `${group.title} — ${group.summary}`;
  return (
    <li className={`history-row history-group outcome-${group.state}`} aria-label={group.title}>
      <div className="history-line" onDoubleClick={() => setOpen(!open)}>
        <button
          type="button"
          className="history-disclosure"
          aria-expanded={open}
          aria-label={`${open ? 'Hide' : 'Show'} the ${group.entries.length} jobs of ${group.title}`}
          onClick={() => setOpen(!open)}
        >
          <ChevronRight size={12} aria-hidden />
        </button>
        <OutcomeSymbol state={group.state} />
        <span className="history-what" title={what}>
          {what}
        </span>
        <span className="history-machine">{group.machine}</span>
        <span className="history-duration">
          {group.durationMs === undefined ? '' : formatDuration(group.durationMs)}
        </span>
        <span className="history-size">{group.bytes === undefined ? '' : formatBytes(group.bytes)}</span>
        <HistoryTime at={group.endedAt} now={now} />
      </div>
      {open && (
        <ul className="history-table history-members" aria-label={`Jobs of ${group.title}`}>
          {group.entries.map((entry) => (
            <HistoryItem key={entry.id} entry={entry} now={now} />
          ))}
        </ul>
      )}
    </li>
  );
}

import { useHistory } from '../../state/history';
import { HistoryItem } from './HistoryItem';

/** Finished jobs, newest first, at most `limit` of them: in the Activity popover and on the History page. */
export function HistoryList({ label, limit }: { label: string; limit: number }) {
  const history = useHistory((s) => s.entries);
  if (history.length === 0)
    return <p className="muted">Finished jobs appear here, with how long they took.</p>;
  return (
    <ul className="job-list" aria-label={label}>
      {history.slice(0, limit).map((entry) => (
        <HistoryItem key={entry.id} entry={entry} />
      ))}
    </ul>
  );
}

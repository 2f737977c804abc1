import { HISTORY_KINDS, type HistoryKindFilter, type Outcome } from '../../model/history-groups';
import { useUi } from '../../state/ui';

const OUTCOMES = { all: 'Any Outcome', succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled' } as const;

/** History's kind and outcome pop-ups; the toolbar's search field gives the text. */
export function HistoryFilterBar() {
  const filter = useUi((s) => s.historyFilter);
  const set = useUi((s) => s.setHistoryFilter);
  return (
    <div className="history-filter">
      <select
        aria-label="Kind of job"
        value={filter.kind}
        onChange={(e) => set({ kind: e.target.value as HistoryKindFilter })}
      >
        {Object.entries(HISTORY_KINDS).map(([key, { label }]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label="Outcome"
        value={filter.outcome}
        onChange={(e) => set({ outcome: e.target.value as Outcome | 'all' })}
      >
        {Object.entries(OUTCOMES).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      {filter.text.trim() && <span className="muted">Matching “{filter.text.trim()}”</span>}
    </div>
  );
}

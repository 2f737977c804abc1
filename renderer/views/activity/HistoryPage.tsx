import { toErrorData } from '../../../shared/errors';
import { ask } from '../../commands/core';
import { useHistory } from '../../state/history';
import { useToasts } from '../../state/toasts';
import { useUi } from '../../state/ui';
import { HistoryFilterBar } from './HistoryFilterBar';
import { HistoryList } from './HistoryList';
import { InProgress } from './InProgress';

const SHOWN_HISTORY = 200;

/** The sidebar's History page: what runs now, then every finished job, exportable as CSV or JSON. */
export function HistoryPage() {
  const history = useHistory((s) => s.entries);
  const filter = useUi((s) => s.historyFilter);
  const exportHistory = async (format: 'json' | 'csv') => {
    try {
      const { fileName, text } = await ask('jobs:history-export', { format });
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
    await ask('jobs:history-clear', {});
    useHistory.getState().replace([]);
  };
  return (
    <section className="history-page" aria-label="Job history">
      <h2>In progress</h2>
      <InProgress />
      <div className="history-header">
        <h2>History</h2>
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
      <HistoryFilterBar />
      <HistoryList label="All history" limit={SHOWN_HISTORY} filter={filter} />
    </section>
  );
}

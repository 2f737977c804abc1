import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useUi } from '../../state/ui';
import { HistoryList } from './HistoryList';
import { InProgress } from './InProgress';

const RECENT = 20;

/**
 * Activity, opened from the toolbar's indicator like Safari's downloads: what runs now and what finished last,
 * over the inspector's corner rather than across the window. The whole history is a sidebar page.
 */
export function ActivityPopover() {
  const { setActivityOpen, setView } = useUi();
  const close = () => setActivityOpen(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && !useUi.getState().dialog && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <section className="activity-popover" aria-label="Activity" id="activity-popover">
      <header className="popover-header">
        <h2>Activity</h2>
        <button
          type="button"
          className="link"
          onClick={() => {
            setView('activity');
            close();
          }}
        >
          Show All History
        </button>
        <button type="button" className="icon-button" aria-label="Close Activity" onClick={close}>
          <X size={14} aria-hidden />
        </button>
      </header>
      <div className="popover-body">
        <h3>In progress</h3>
        <InProgress />
        <h3>Recent</h3>
        <HistoryList label="History" limit={RECENT} compact />
      </div>
    </section>
  );
}

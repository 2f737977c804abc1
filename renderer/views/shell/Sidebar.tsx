import { Activity, CircleDot, CirclePause, FlaskConical, Layers, LoaderCircle, Settings } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { runWindowCommand } from '../../commands/window-commands';
import { viewCounts, type StateFilter } from '../../model/machine-list';
import { shortcutLabel } from '../../model/shortcuts';
import { useCheckpointGroups } from '../../state/checkpoints';
import { useSandboxByName } from '../../state/sandboxes';
import { useUi } from '../../state/ui';

const FILTERS: Array<{ filter: StateFilter; label: string; icon: ReactNode }> = [
  { filter: 'all', label: 'All Machines', icon: <Layers size={15} aria-hidden /> },
  { filter: 'running', label: 'Running', icon: <CircleDot size={15} aria-hidden /> },
  { filter: 'stopped', label: 'Stopped', icon: <CirclePause size={15} aria-hidden /> },
  { filter: 'busy', label: 'Changing', icon: <LoaderCircle size={15} aria-hidden /> },
  // Isolated machines with a golden checkpoint (views/sandboxes/).
  { filter: 'sandboxes', label: 'Sandboxes', icon: <FlaskConical size={15} aria-hidden /> },
];

/** The source list: which machines the list shows, the job history, and Settings. Translucent in Electron on macOS. */
export function Sidebar() {
  // The list's machines (not the checkpoints under them): each count is the rows its view shows.
  const { machines } = useCheckpointGroups();
  const sandboxes = useSandboxByName();
  const { view, stateFilter, setStateFilter, setView } = useUi();
  const held = useUi((s) => s.held);
  const counts = useMemo(
    () => viewCounts(machines, stateFilter, held, sandboxes),
    [machines, stateFilter, held, sandboxes],
  );
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <h2 className="sidebar-heading">Machines</h2>
      <ul className="source-list">
        {FILTERS.map(({ filter, label, icon }) => {
          const current = view === 'machines' && stateFilter === filter;
          return (
            <li key={filter}>
              <button
                type="button"
                className={current ? 'source current' : 'source'}
                aria-current={current ? 'page' : undefined}
                onClick={() => setStateFilter(filter)}
              >
                {icon}
                <span className="source-label">{label}</span>
                <span className="source-count">{counts[filter]}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h2 className="sidebar-heading">OrbDeck</h2>
      <ul className="source-list">
        <li>
          <button
            type="button"
            className={view === 'activity' ? 'source current' : 'source'}
            aria-current={view === 'activity' ? 'page' : undefined}
            onClick={() => setView('activity')}
          >
            <Activity size={15} aria-hidden />
            <span className="source-label">History</span>
          </button>
        </li>
      </ul>
      <div className="sidebar-footer">
        <button
          type="button"
          className="source"
          aria-label="Settings"
          title={`Settings (${shortcutLabel('settings')})`}
          onClick={() => runWindowCommand('settings')}
        >
          <Settings size={15} aria-hidden />
          <span className="source-label">Settings</span>
        </button>
      </div>
    </nav>
  );
}

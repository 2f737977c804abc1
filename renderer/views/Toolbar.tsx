import { isFinished } from '../../shared/jobs';
import { registerFilterField, runWindowCommand } from '../actions/window-commands';
import type { StateFilter } from '../lib/machine-list';
import { shortcutLabel } from '../lib/shortcuts';
import { useConnection } from '../stores/connection';
import { useJobs } from '../stores/jobs';
import { useUi } from '../stores/ui';
import { useUploads } from '../stores/uploads';

export function Toolbar() {
  const info = useConnection((s) => s.info);
  const { filter, setFilter, stateFilter, setStateFilter, activityOpen } = useUi();
  const running = useJobs((s) => Object.values(s.jobs).filter((j) => j.state === 'running').length);
  const queued = useJobs(
    (s) => Object.values(s.jobs).filter((j) => !isFinished(j) && j.state !== 'running').length,
  );
  const sending = useUploads((s) => s.uploads.length);
  const busy = running + sending;
  return (
    <header className="toolbar">
      <h1>OrbDeck</h1>
      {info?.demo && (
        <span className="demo-badge" title="The built-in simulator stands in for orbctl">
          Demo
        </span>
      )}
      <button
        type="button"
        className="primary"
        title={`New machine (${shortcutLabel('create')})`}
        onClick={() => runWindowCommand('create')}
      >
        New Machine
      </button>
      <button
        type="button"
        title={`Import an exported machine (${shortcutLabel('import')})`}
        onClick={() => runWindowCommand('import')}
      >
        Import…
      </button>
      <div className="toolbar-spacer" />
      <select
        aria-label="Show"
        value={stateFilter}
        onChange={(e) => setStateFilter(e.target.value as StateFilter)}
      >
        <option value="all">All machines</option>
        <option value="running">Running</option>
        <option value="stopped">Stopped</option>
        <option value="busy">Changing state</option>
      </select>
      <input
        ref={registerFilterField}
        type="search"
        className="filter"
        aria-label="Filter machines"
        placeholder="Filter"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
      />
      <button
        type="button"
        title={`Refresh (${shortcutLabel('refresh')})`}
        onClick={() => runWindowCommand('refresh')}
      >
        Refresh
      </button>
      <button
        type="button"
        title={`Settings (${shortcutLabel('settings')})`}
        onClick={() => runWindowCommand('settings')}
      >
        Settings
      </button>
      <button
        type="button"
        className={`activity-toggle${busy ? ' busy' : ''}`}
        aria-pressed={activityOpen}
        aria-controls="activity-panel"
        aria-label="Activity"
        title={`Activity (${shortcutLabel('activity')})${busy + queued > 0 ? `: ${busy} running${queued ? `, ${queued} queued` : ''}` : ''}`}
        onClick={() => runWindowCommand('activity')}
      >
        Activity
        {busy + queued > 0 && (
          <span className="count" aria-hidden="true">
            {busy}
            {queued ? `+${queued}` : ''}
          </span>
        )}
      </button>
    </header>
  );
}

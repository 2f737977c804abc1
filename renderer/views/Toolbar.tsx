import type { RefObject } from 'react';
import { isFinished } from '../../shared/jobs';
import { getApi } from '../api/api';
import { pickAndImport } from '../lib/file-import';
import type { StateFilter } from '../lib/machine-list';
import { shortcutLabel } from '../lib/shortcuts';
import { useConnection } from '../stores/connection';
import { useJobs } from '../stores/jobs';
import { useUi } from '../stores/ui';
import { useUploads } from '../stores/uploads';

interface Props {
  filterRef: RefObject<HTMLInputElement | null>;
  fileInput: RefObject<HTMLInputElement | null>;
}

export function Toolbar({ filterRef, fileInput }: Props) {
  const info = useConnection((s) => s.info);
  const { filter, setFilter, stateFilter, setStateFilter, open, activityOpen, setActivityOpen } = useUi();
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
        onClick={() => open({ kind: 'create' })}
      >
        New Machine
      </button>
      <button
        type="button"
        title={`Import an exported machine (${shortcutLabel('import')})`}
        onClick={() => void pickAndImport(fileInput.current)}
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
        ref={filterRef}
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
        onClick={() =>
          void getApi()
            .invoke('machines:refresh', {})
            .catch(() => {})
        }
      >
        Refresh
      </button>
      <button
        type="button"
        title={`Settings (${shortcutLabel('settings')})`}
        onClick={() => open({ kind: 'settings' })}
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
        onClick={() => setActivityOpen(!activityOpen)}
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

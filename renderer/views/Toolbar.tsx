import { getApi } from '../api/api';
import type { StateFilter } from '../lib/machine-list';
import { shortcutLabel } from '../lib/shortcuts';
import { useConnection } from '../stores/connection';
import { useUi } from '../stores/ui';

export function Toolbar({ filterRef }: { filterRef: React.RefObject<HTMLInputElement | null> }) {
  const info = useConnection((s) => s.info);
  const { filter, setFilter, stateFilter, setStateFilter, open } = useUi();
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
    </header>
  );
}

import { Import, PanelLeft, PanelRight, Plus, RotateCw, Search } from 'lucide-react';
import { registerFilterField, runWindowCommand } from '../../commands/window-commands';
import { useAppAvailability } from '../../state/app-availability';
import { shortcutLabel } from '../../model/shortcuts';
import { useConnection } from '../../state/connection';
import { checkpointCount } from '../../model/checkpoints';
import { useCheckpointGroups } from '../../state/checkpoints';
import { useUi } from '../../state/ui';
import { ActivityIndicator } from './ActivityIndicator';
import { FileMenu } from './FileMenu';

const tip = (text: string, command: string) => {
  const key = shortcutLabel(command);
  return key ? `${text} (${key})` : text;
};

/**
 * The unified toolbar in the title bar: the window's drag region (its controls are not), the sidebar toggle,
 * the window's title with a count, the main commands as icon buttons, the Activity indicator and the search
 * field at the trailing end, where Mac apps put it.
 */
export function TitleBar() {
  const info = useConnection((s) => s.info);
  // The list's machines: checkpoints are counted apart, as the list shows them under their machine.
  const { machines, count: checkpoints } = useCheckpointGroups();
  const running = machines.filter((m) => m.state === 'running').length;
  const { filter, setFilter, sidebarCollapsed, toggleSidebar, inspectorOpen, setInspectorOpen } = useUi();
  const create = useAppAvailability('create');
  const importing = useAppAvailability('import');
  return (
    <header className="titlebar" data-drag-region="true">
      <div className="traffic-light-space" aria-hidden="true" />
      <button
        type="button"
        className="icon-button"
        aria-label={sidebarCollapsed ? 'Show Sidebar' : 'Hide Sidebar'}
        title={sidebarCollapsed ? 'Show Sidebar' : 'Hide Sidebar'}
        onClick={toggleSidebar}
      >
        <PanelLeft size={16} aria-hidden />
      </button>
      <div className="window-title">
        <h1>OrbDeck</h1>
        <span className="window-subtitle">
          {machines.length === 1 ? '1 machine' : `${machines.length} machines`}
          {machines.length > 0 && `, ${running} running`}
          {checkpoints > 0 && ` · ${checkpointCount(checkpoints)}`}
        </span>
        {info?.demo && (
          <span className="demo-badge" title="The built-in simulator stands in for orbctl">
            Demo
          </span>
        )}
      </div>
      <div className="titlebar-space" />
      <div className="toolbar-group">
        {info && info.transport !== 'electron' && <FileMenu />}
        <button
          type="button"
          className="icon-button"
          aria-label="New Machine"
          disabled={!create.enabled}
          title={create.enabled ? tip('New Machine', 'create') : create.reason}
          onClick={() => runWindowCommand('create')}
        >
          <Plus size={17} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Import…"
          disabled={!importing.enabled}
          title={importing.enabled ? tip('Import an exported machine', 'import') : importing.reason}
          onClick={() => runWindowCommand('import')}
        >
          <Import size={16} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Refresh"
          title={tip('Refresh', 'refresh')}
          onClick={() => runWindowCommand('refresh')}
        >
          <RotateCw size={15} aria-hidden />
        </button>
        <ActivityIndicator />
        <button
          type="button"
          className="icon-button inspector-toggle"
          aria-label={inspectorOpen ? 'Hide Inspector' : 'Show Inspector'}
          aria-pressed={inspectorOpen}
          title={inspectorOpen ? 'Hide Inspector' : 'Show Inspector'}
          onClick={() => setInspectorOpen(!inspectorOpen)}
        >
          <PanelRight size={16} aria-hidden />
        </button>
      </div>
      <label className="search-field">
        <Search size={13} aria-hidden />
        <input
          ref={registerFilterField}
          type="search"
          aria-label="Filter machines"
          placeholder="Search"
          value={filter}
          spellCheck={false}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setFilter('')}
        />
      </label>
    </header>
  );
}

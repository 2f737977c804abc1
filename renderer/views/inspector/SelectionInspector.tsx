import { BULK_ACTIONS, bulkAvailability, type BulkAction } from '../../../shared/machine-actions';
import { runOnMachines, selectionWithJobs } from '../../commands/machine-commands';
import { useJobs } from '../../state/jobs';
import { selectCapabilities, useOrbctl } from '../../state/orbctl';

const LABEL: Record<BulkAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  export: 'Export…',
  run: 'Run Command…',
  delete: 'Delete…',
};

/** Several machines selected: how many, which, and the actions that can be taken on all of them at once. */
export function SelectionInspector({ names }: { names: readonly string[] }) {
  useJobs((s) => s.jobs); // re-render as jobs change what is allowed
  const capabilities = useOrbctl(selectCapabilities);
  const selected = selectionWithJobs(names);
  return (
    <aside className="inspector" aria-label={`${names.length} machines selected`}>
      <header className="inspector-header">
        <h2>{names.length} machines selected</h2>
      </header>
      <div className="inspector-actions" role="toolbar" aria-label="Actions for the selected machines">
        {BULK_ACTIONS.map((action) => {
          const can = bulkAvailability(action, selected, capabilities);
          return (
            <button
              key={action}
              type="button"
              className={action === 'delete' ? 'danger' : undefined}
              disabled={!can.enabled}
              title={can.reason}
              onClick={() => runOnMachines(action, names)}
            >
              {LABEL[action]}
            </button>
          );
        })}
      </div>
      <ul className="selection-list" aria-label="Selected machines">
        {selected.map(({ machine }) => (
          <li key={machine.name} title={machine.name}>
            <span className={`state-dot-inline state-${machine.state}`} aria-hidden="true" />
            {machine.name}
          </li>
        ))}
      </ul>
    </aside>
  );
}

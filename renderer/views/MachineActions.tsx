import type { Machine } from '../../shared/machine';
import { activeJobsFor, availability, type MachineAction } from '../../shared/machine-actions';
import { shortcutLabel } from '../lib/shortcuts';
import { runMachineAction } from '../actions/machine-commands';
import { useJobs } from '../stores/jobs';
import { selectCapabilities, useOrbctl } from '../stores/orbctl';

const GROUPS: Array<Array<{ action: MachineAction; label: string; danger?: boolean }>> = [
  [
    { action: 'start', label: 'Start' },
    { action: 'stop', label: 'Stop' },
    { action: 'restart', label: 'Restart' },
  ],
  [
    { action: 'rename', label: 'Rename' },
    { action: 'clone', label: 'Clone' },
    { action: 'export', label: 'Export' },
    { action: 'set-default', label: 'Make Default' },
  ],
  [
    { action: 'terminal', label: 'Open Terminal' },
    { action: 'ssh', label: 'Copy SSH Command' },
    { action: 'vscode', label: 'Open in VS Code' },
  ],
  [{ action: 'delete', label: 'Delete', danger: true }],
];

/** Every action on one machine, each enabled by the same rules as the row, the tray and the shortcuts. */
export function MachineActions({ machine }: { machine: Machine }) {
  const jobs = useJobs((s) => s.jobs);
  const capabilities = useOrbctl(selectCapabilities);
  const active = activeJobsFor(Object.values(jobs), machine.name);
  return (
    <div className="action-bar" role="toolbar" aria-label={`Actions for ${machine.name}`}>
      {GROUPS.map((group, i) => (
        <div className="action-group" key={i}>
          {group.map(({ action, label, danger }) => {
            const can = availability(action, machine, active, capabilities);
            const shortcut = shortcutLabel(action);
            return (
              <button
                key={action}
                type="button"
                className={danger ? 'danger' : undefined}
                disabled={!can.enabled}
                title={shortcut ? `${can.reason} (${shortcut})` : can.reason}
                onClick={() => void runMachineAction(action, machine.name)}
              >
                {label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

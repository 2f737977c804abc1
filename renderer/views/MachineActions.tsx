import type { Machine } from '../../shared/machine';
import { activeJobsFor, availability } from '../../shared/machine-actions';
import { MACHINE_MENU } from '../../shared/machine-menu';
import { shortcutLabel } from '../lib/shortcuts';
import { runMachineAction } from '../actions/machine-commands';
import { useJobs } from '../stores/jobs';
import { selectCapabilities, useOrbctl } from '../stores/orbctl';

/** Every action on one machine, each enabled by the same rules as the row, the tray and the shortcuts. */
export function MachineActions({ machine }: { machine: Machine }) {
  const jobs = useJobs((s) => s.jobs);
  const capabilities = useOrbctl(selectCapabilities);
  const active = activeJobsFor(Object.values(jobs), machine.name);
  return (
    <div className="action-bar" role="toolbar" aria-label={`Actions for ${machine.name}`}>
      {MACHINE_MENU.map((group, i) => (
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
                {label.replace('…', '')}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

import { memo } from 'react';
import { describeImage } from '../../shared/distros';
import type { Job } from '../../shared/jobs';
import type { Machine, OrbctlCapabilities } from '../../shared/machine';
import { StateBadge } from '../components/StateBadge';
import { formatBytes } from '../lib/format';
import { availability } from '../../shared/machine-actions';

interface Props {
  machine: Machine;
  active: readonly Job[];
  capabilities: OrbctlCapabilities | null;
  selected: boolean;
  tabbable: boolean;
  onSelect(name: string): void;
  onOpen(name: string): void;
  onAction(action: 'start' | 'stop', name: string): void;
}

const BUSY_LABEL: Record<Job['kind'], string> = {
  create: 'Creating…',
  start: 'Starting…',
  stop: 'Stopping…',
  restart: 'Restarting…',
  delete: 'Deleting…',
  rename: 'Renaming…',
  clone: 'Cloning…',
  export: 'Exporting…',
  import: 'Importing…',
  'set-default': 'Updating…',
  push: 'Copying files…',
  // Issue 15 (the job kinds are new in shared/jobs.ts)
  run: 'Running a command…',
  pull: 'Copying a file out…',
};

/** One machine. Memoised: with hundreds of machines only the rows that changed render again. */
export const MachineRow = memo(function MachineRow({
  machine: m,
  active,
  capabilities,
  selected,
  tabbable,
  onSelect,
  onOpen,
  onAction,
}: Props) {
  const busy = active[0];
  // One power button: Start when stopped, else Stop (the way out of a stuck transition).
  const power = m.state === 'stopped' ? 'start' : 'stop';
  const can = availability(power, m, active, capabilities);
  return (
    <tr
      aria-label={m.name}
      aria-selected={selected}
      data-machine={m.name}
      tabIndex={tabbable ? 0 : -1}
      className={selected ? 'selected' : undefined}
      onClick={() => onSelect(m.name)}
      onFocus={(e) => e.target === e.currentTarget && !selected && onSelect(m.name)}
      onDoubleClick={() => onOpen(m.name)}
    >
      <th scope="row" className="machine-name">
        {m.name}
        {m.isDefault && (
          <span className="default-marker" title="OrbStack's default machine">
            default
          </span>
        )}
      </th>
      <td>
        <StateBadge state={m.state} />
        {busy && (
          <span className="busy-note" title={busy.title}>
            {busy.state === 'queued' ? 'Queued…' : BUSY_LABEL[busy.kind]}
          </span>
        )}
      </td>
      <td>{describeImage(m.distro, m.version)}</td>
      <td>{m.arch}</td>
      <td className="mono">{m.ip4 ?? '—'}</td>
      <td className="num">{formatBytes(m.diskSize)}</td>
      <td className="actions">
        <button
          type="button"
          disabled={!can.enabled}
          title={can.reason}
          onClick={(e) => {
            e.stopPropagation();
            onAction(power, m.name);
          }}
        >
          {power === 'start' ? 'Start' : 'Stop'}
        </button>
      </td>
    </tr>
  );
});

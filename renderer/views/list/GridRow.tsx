import { CircleAlert, HardDrive, Play, Square } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import { describeImage } from '../../../shared/distros';
import type { Job } from '../../../shared/jobs';
import type { SetupRecord } from '../../../shared/ipc/types';
import type { Machine, OrbctlCapabilities } from '../../../shared/machine';
import { availability } from '../../../shared/machine-actions';
import { StateBadge } from '../../components/StateBadge';
import { formatBytes } from '../../model/format';
import { checkpointCount } from '../../model/checkpoints';
import { formatPercent, type RowFigures } from '../../model/usage-figures';
import { rowId, rowPlace } from './columns';
import { ProgressLine } from './ProgressLine';

export const BUSY_LABEL: Record<Job['kind'], string> = {
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
  'set-limits': 'Updating…',
  push: 'Copying files…',
  revert: 'Reverting…',
  run: 'Running a command…',
  pull: 'Copying a file out…',
  // Over as soon as it is asked: never shown as busy, but every kind has its words.
  agent: 'Answering an agent…',
};

/** Jobs whose progress is worth a bar in the row (they move data and say how far they are). */
const SHOWS_PROGRESS: ReadonlySet<Job['kind']> = new Set(['export', 'clone', 'import', 'push', 'create']);

interface Props {
  machine: Machine;
  index: number;
  active: readonly Job[];
  failed: Job | undefined;
  /** How many checkpoints the machine has (they are not rows of their own). */
  checkpoints: number;
  /** Cloud-init is still setting it up, or failed to. */
  setup: SetupRecord | undefined;
  /** It is a sandbox (it resets to its golden checkpoint). */
  sandbox?: boolean;
  capabilities: OrbctlCapabilities | null;
  /** The machine's last sample, when one was read (the CPU and memory columns, the full-disk mark). */
  usage: RowFigures | undefined;
  /** The CPU and Memory columns are on. */
  showUsage: boolean;
  selected: boolean;
  focused: boolean;
  /** The row's offset in the list body. */
  top: number;
  onRowClick(name: string, event: MouseEvent): void;
  onRowContextMenu(name: string, event: MouseEvent): void;
  onOpen(name: string): void;
  onPower(action: 'start' | 'stop', name: string): void;
}

/** One machine in the list. Memoised: with a thousand machines only rows that changed render again. */
export const GridRow = memo(function GridRow({
  machine: m,
  index,
  active,
  failed,
  checkpoints,
  setup,
  sandbox = false,
  capabilities,
  usage,
  showUsage,
  selected,
  focused,
  top,
  onRowClick,
  onRowContextMenu,
  onOpen,
  onPower,
}: Props) {
  const busy = active[0];
  // One power button: Start when stopped, else Stop (the way out of a stuck transition).
  const power = m.state === 'stopped' ? 'start' : 'stop';
  const can = availability(power, m, active, capabilities);
  const classes = ['grid-row', selected && 'selected', focused && 'focused', failed && 'failed']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={rowId(m.name)}
      role="row"
      aria-label={m.name}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-machine={m.name}
      className={classes}
      style={rowPlace(top)}
      onClick={(e) => onRowClick(m.name, e)}
      onContextMenu={(e) => onRowContextMenu(m.name, e)}
      onDoubleClick={() => onOpen(m.name)}
    >
      <div role="gridcell" className="col-name" title={m.name}>
        <span className="name-text">{m.name}</span>
        {m.isDefault && (
          <span className="default-marker" title="OrbStack's default machine">
            default
          </span>
        )}
        {sandbox && (
          <span className="sandbox-marker" title="A sandbox: Reset puts it back to its golden checkpoint">
            sandbox
          </span>
        )}
        {checkpoints > 0 && (
          <span
            className="checkpoint-count"
            title="Checkpoints are listed in the inspector's Checkpoints tab"
          >
            {checkpointCount(checkpoints)}
          </span>
        )}
        {failed && (
          <span className="failed-mark" title={`${failed.title} failed: ${failed.error?.message ?? ''}`}>
            <CircleAlert size={13} aria-label={`${failed.title} failed`} />
          </span>
        )}
        {usage?.diskFull != null && (
          <span className="disk-full-mark" title={`Its filesystem is ${usage.diskFull} % full`}>
            <HardDrive size={13} aria-label={`Filesystem ${usage.diskFull} % full`} />
          </span>
        )}
        {setup?.state === 'failed' && (
          <span className="failed-mark" title="cloud-init failed: the inspector shows its log">
            <CircleAlert size={13} aria-label="cloud-init failed" />
          </span>
        )}
      </div>
      <div role="gridcell" className="col-state">
        {busy ? (
          <span className="busy-cell" title={busy.waitingFor ?? busy.title}>
            <span className="busy-note">{busy.state === 'queued' ? 'Queued…' : BUSY_LABEL[busy.kind]}</span>
            {SHOWS_PROGRESS.has(busy.kind) && <ProgressLine job={busy} />}
          </span>
        ) : (
          <StateBadge state={m.state} settingUp={setup?.state === 'setting-up'} />
        )}
      </div>
      <div role="gridcell" className="col-distro" title={describeImage(m.distro, m.version)}>
        {describeImage(m.distro, m.version)}
      </div>
      <div role="gridcell" className="col-arch">
        {m.arch}
      </div>
      <div role="gridcell" className="col-ip mono">
        {m.ip4 ?? '—'}
      </div>
      <div role="gridcell" className="col-disk num">
        {formatBytes(m.diskSize)}
      </div>
      {showUsage && (
        <>
          <div role="gridcell" className="col-cpu num" title="CPU in use, all of the machine's CPUs together">
            {m.state === 'running' ? formatPercent(usage?.cpu) : '—'}
          </div>
          <div
            role="gridcell"
            className="col-memory num"
            title={
              usage?.memoryTotal
                ? `In use (page cache not counted) of ${formatBytes(usage.memoryTotal)}`
                : undefined
            }
          >
            {m.state === 'running' ? formatBytes(usage?.memoryUsed) : '—'}
          </div>
        </>
      )}
      <div role="gridcell" className="col-power">
        <button
          type="button"
          className="icon-button power"
          tabIndex={-1}
          aria-label={power === 'start' ? 'Start' : 'Stop'}
          disabled={!can.enabled}
          title={can.reason}
          onClick={(e) => {
            e.stopPropagation();
            onPower(power, m.name);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          {power === 'start' ? <Play size={13} aria-hidden /> : <Square size={12} aria-hidden />}
        </button>
      </div>
    </div>
  );
});

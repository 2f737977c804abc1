import { toErrorData } from '../../../shared/errors';
import type { Machine } from '../../../shared/machine';
import { DISK_FULL_PERCENT, type MachineUsage, type UsageSample } from '../../../shared/usage';
import { getApi } from '../../api/api';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes } from '../../model/format';
import { describeTrend } from '../../model/usage-figures';
import { useNow } from '../../hooks/use-now';
import { useToasts } from '../../state/toasts';
import { LargestFolders } from './LargestFolders';

/**
 * The machine's disk: its filesystem (from the last sample), the size OrbStack reports over time, the largest
 * folders on request (one `du`), and where its files are on the Mac.
 */
export function DiskSection({
  machine,
  usage,
  latest,
}: {
  machine: Machine;
  usage: MachineUsage | null;
  latest: UsageSample | null;
}) {
  const fs = latest?.filesystem;
  const now = useNow(false);
  const trend = usage ? describeTrend(usage.disk, now) : null;
  const records = usage?.disk.records.length ?? 0;
  return (
    <section className="usage-disk" aria-label={`Disk of ${machine.name}`}>
      <h3>Disk</h3>
      <dl className="info-grid">
        <div>
          <dt>Filesystem</dt>
          <dd>
            {!fs ? (
              '—'
            ) : fs.ok ? (
              <span className={fs.value.usedPercent >= DISK_FULL_PERCENT ? 'disk-full' : undefined}>
                {formatBytes(fs.value.usedBytes)} of {formatBytes(fs.value.totalBytes)} (
                {fs.value.usedPercent} %), {formatBytes(fs.value.freeBytes)} free
                {fs.value.readOnly && <span className="badge"> read-only</span>}
              </span>
            ) : (
              <span className="not-available">Not available: {fs.reason}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Over time</dt>
          <dd>
            <span title="The size OrbStack reports, noted a few times a day while OrbDeck shows the machine">
              {formatBytes(machine.diskSize)}
              {trend ? `, ${trend}` : records < 2 ? ' · no trend yet' : ''}
            </span>
          </dd>
        </div>
        <div>
          <dt>Files</dt>
          <dd>
            <FilesPlace machine={machine.name} path={usage?.filesPath ?? ''} />
          </dd>
        </div>
      </dl>
      <LargestFolders machine={machine} />
    </section>
  );
}

/** `~/OrbStack/NAME`: Show in Finder in the desktop app; in a browser, the path to copy. */
function FilesPlace({ machine, path }: { machine: string; path: string }) {
  const desktop = getApi().transport === 'electron';
  const show = async () => {
    try {
      await getApi().invoke('machine:show-files', { name: machine });
    } catch (error) {
      const data = toErrorData(error);
      useToasts.getState().push({ kind: 'error', text: data.message, error: data });
    }
  };
  return (
    <span className="address">
      <span className="mono ellipsis" title={path}>
        {path || '…'}
      </span>
      {desktop ? (
        <button type="button" onClick={() => void show()}>
          Show in Finder
        </button>
      ) : (
        path && <CopyButton text={path} label="Copy Path" />
      )}
    </span>
  );
}

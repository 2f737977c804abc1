import type { ReactNode } from 'react';
import type { Machine } from '../../../shared/machine';
import { valueOf, type Figure } from '../../../shared/usage';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useMachineUsage } from '../../hooks/use-machine-usage';
import { formatBytes } from '../../model/format';
import { formatPercent, formatUptime } from '../../model/usage-figures';
import { useListColumns } from '../../state/list-columns';
import { DiskSection } from './DiskSection';
import { UsageGraph } from './UsageGraph';
import './usage.css';

/** A figure's text, or "not available" with the reason the core gave. */
function shown<T>(figure: Figure<T> | undefined, text: (value: T) => ReactNode): ReactNode {
  if (!figure) return '—';
  return figure.ok ? (
    text(figure.value)
  ) : (
    <span className="not-available" title={figure.reason}>
      Not available: {figure.reason}
    </span>
  );
}

/**
 * The machine's usage, read from inside it every 2 s while this tab shows: CPU, memory without the page cache,
 * swap, load and uptime, the last hour as graphs, and its disk (usage-watch.ts tells the core to read it).
 */
export function UsageTab({ machine }: { machine: Machine }) {
  const { usage, error } = useMachineUsage(machine.name, machine.state);
  const columns = useListColumns();
  const latest = machine.state === 'running' ? usage?.latest : null;
  const memory = valueOf(latest?.memory);
  const reason = machine.state !== 'running' ? `${machine.name} is ${machine.state}.` : usage?.unavailable;
  return (
    <section className="usage" aria-label={`Usage of ${machine.name}`}>
      {error && <ErrorDetails error={error} />}
      <p className="usage-status muted" role="status">
        {reason
          ? `Not available: ${reason}`
          : latest
            ? `Read from inside ${machine.name} every 2 s · ${new Date(latest.at).toLocaleTimeString()}`
            : `Reading ${machine.name}…`}
      </p>
      {latest && (
        <>
          <dl className="info-grid usage-figures">
            <div>
              <dt>CPU</dt>
              <dd>
                {shown(latest.cpu, (c) =>
                  c.percent === null
                    ? `measuring… (${c.cores} CPUs)`
                    : `${formatPercent(c.percent)} of ${c.cores} CPUs`,
                )}
              </dd>
            </div>
            <div>
              <dt>Memory</dt>
              <dd>
                {shown(latest.memory, (m) => (
                  <span title="MemTotal − MemAvailable: the page cache and buffers are the kernel's to give back">
                    {formatBytes(m.usedBytes)} of {formatBytes(m.totalBytes)}
                    {m.estimated ? ' (estimated)' : ''}
                    <span className="muted"> · cache {formatBytes(m.cacheBytes)} not counted</span>
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>Swap</dt>
              <dd>
                {shown(latest.swap, (s) =>
                  s.totalBytes === 0 ? 'none' : `${formatBytes(s.usedBytes)} of ${formatBytes(s.totalBytes)}`,
                )}
              </dd>
            </div>
            <div>
              <dt>Load</dt>
              <dd>
                {shown(
                  latest.load,
                  (l) => `${l.one.toFixed(2)} · ${l.five.toFixed(2)} · ${l.fifteen.toFixed(2)}`,
                )}
              </dd>
            </div>
            <div>
              <dt>Up</dt>
              <dd>{shown(latest.uptimeSeconds, formatUptime)}</dd>
            </div>
          </dl>
          <div className="usage-graphs">
            <h3>CPU</h3>
            <UsageGraph
              label="CPU"
              points={usage?.history ?? []}
              pick={(p) => p.cpu}
              max={100}
              format={formatPercent}
            />
            <h3>Memory in use</h3>
            <UsageGraph
              label="Memory in use"
              points={usage?.history ?? []}
              pick={(p) => p.memoryUsedBytes}
              max={memory?.totalBytes ?? 1}
              format={formatBytes}
            />
          </div>
        </>
      )}
      <DiskSection machine={machine} usage={usage} latest={latest ?? null} />
      <label className="usage-columns-choice">
        <input type="checkbox" checked={columns.usage} onChange={(e) => columns.setUsage(e.target.checked)} />
        Show CPU and memory columns in the list
      </label>
    </section>
  );
}

import type { Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';
import { describeImage } from '../../shared/distros';
import { StateBadge } from '../components/StateBadge';
import { formatBytes } from '../lib/format';
import { useMachineJob } from '../lib/use-actions';
import { activeJobsFor, useJobs } from '../stores/jobs';

interface Props {
  machines: Machine[];
}

/** Every machine with its state and the actions that fit it. */
export function MachineTable({ machines }: Props) {
  const jobs = useJobs((s) => s.jobs);
  return (
    <table className="machine-table" aria-label="Machines">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Distro</th>
          <th scope="col">Arch</th>
          <th scope="col">IP address</th>
          <th scope="col" className="num">
            Disk
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {machines.map((m) => (
          <MachineRow key={m.id} machine={m} active={activeJobsFor(jobs, m.name)} />
        ))}
      </tbody>
    </table>
  );
}

function MachineRow({ machine: m, active }: { machine: Machine; active: Job[] }) {
  const run = useMachineJob();
  const busy = active[0];
  const busyReason = busy ? `Busy: ${busy.title}${busy.state === 'queued' ? ' (queued)' : ''}` : undefined;
  const running = m.state === 'running';
  const stopped = m.state === 'stopped';
  return (
    <tr aria-label={m.name} data-machine={m.name} aria-busy={busy ? true : undefined}>
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
        {busy && <span className="busy-note">{busy.state === 'queued' ? 'Queued…' : 'Working…'}</span>}
      </td>
      <td>{describeImage(m.distro, m.version)}</td>
      <td>{m.arch}</td>
      <td className="mono">{running ? (m.ip4 ?? '—') : '—'}</td>
      <td className="num">{formatBytes(m.diskSize)}</td>
      <td className="actions">
        <button
          type="button"
          disabled={!!busy || !stopped}
          title={busyReason ?? (stopped ? `Start ${m.name}` : `${m.name} is ${m.state}`)}
          onClick={() => void run('machine:start', m.name)}
        >
          Start
        </button>
        <button
          type="button"
          disabled={!!busy || stopped}
          title={busyReason ?? (stopped ? `${m.name} is already stopped` : `Stop ${m.name}`)}
          onClick={() => void run('machine:stop', m.name)}
        >
          Stop
        </button>
        <button
          type="button"
          disabled={!!busy || !running}
          title={busyReason ?? (running ? `Restart ${m.name}` : `${m.name} is not running`)}
          onClick={() => void run('machine:restart', m.name)}
        >
          Restart
        </button>
      </td>
    </tr>
  );
}

import { forwardRef, useEffect, useState, type ReactNode } from 'react';
import { describeImage } from '../../shared/distros';
import type { Machine, MachineInfo } from '../../shared/machine';
import { getApi } from '../api/api';
import { toErrorData, type AppErrorData } from '../../shared/errors';
import { ErrorDetails } from '../components/ErrorDetails';
import { StateBadge } from '../components/StateBadge';
import { formatBytes } from '../lib/format';
import { useConnection } from '../stores/connection';
import { DefaultUser } from './DefaultUser';
import { LogsView } from './LogsView';
import { MachineActions } from './MachineActions';
import { ReachSection } from './inside/ReachSection';

/** Everything about the selected machine: `orbctl info`, its actions, how to reach it, its logs. */
export const DetailsPane = forwardRef<HTMLElement, { machine: Machine }>(function DetailsPane(
  { machine },
  ref,
) {
  const [info, setInfo] = useState<MachineInfo | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const connected = useConnection((s) => s.state === 'open');
  const [reload, setReload] = useState(0);

  // Fresh info whenever another machine is selected or its state changes (the IP comes and goes).
  useEffect(() => {
    let current = true;
    setError(null);
    getApi()
      .invoke('machine:info', { name: machine.name })
      .then((i) => current && setInfo(i))
      .catch((e: unknown) => current && setError(toErrorData(e)));
    return () => {
      current = false;
    };
  }, [machine.name, machine.state, connected, reload]);

  const shown: Machine =
    info && info.id === machine.id
      ? { ...machine, ...info, state: machine.state, isDefault: machine.isDefault }
      : machine;
  const rows: Array<[string, ReactNode]> = [
    ['Distro', describeImage(shown.distro, shown.version)],
    ['Architecture', shown.arch],
    ['IPv4', machine.state === 'running' ? (shown.ip4 ?? '—') : '—'],
    ['IPv6', machine.state === 'running' ? (shown.ip6 ?? '—') : '—'],
    ['Disk usage', formatBytes(shown.diskSize)],
    [
      'Default user',
      <DefaultUser
        machine={machine.name}
        user={shown.defaultUser}
        onChanged={() => setReload((n) => n + 1)}
      />,
    ],
    ['Isolated', shown.isolated ? 'Yes' : 'No'],
    ['Variant', shown.variant],
    ['ID', shown.id],
  ];
  return (
    <aside className="details" aria-label={`Details of ${machine.name}`} ref={ref} tabIndex={-1}>
      <header className="details-header">
        <h2>{machine.name}</h2>
        <StateBadge state={machine.state} />
        {machine.isDefault && <span className="default-marker">default</span>}
      </header>
      <MachineActions machine={machine} />
      {error && <ErrorDetails error={error} />}
      <dl className="info-grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={label === 'ID' || label.startsWith('IP') ? 'mono' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <ReachSection machine={machine} />
      <LogsView key={machine.name} name={machine.name} />
    </aside>
  );
});

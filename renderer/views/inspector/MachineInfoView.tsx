import { useEffect, useState, type ReactNode } from 'react';
import { describeImage } from '../../../shared/distros';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import type { Machine, MachineInfo, MachineLimitsAnswer } from '../../../shared/machine';
import { getApi } from '../../api/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useMachineLimits } from '../../hooks/use-machine-limits';
import { formatBytes } from '../../model/format';
import { limitWords } from '../../model/limits-form';
import { useConnection } from '../../state/connection';
import { DefaultUser } from '../DefaultUser';

/** CPUs, Memory and Disk limit as orbctl keeps them (none before OrbStack 2.2, where there are no limits). */
function limitRows(limits: MachineLimitsAnswer | null): Array<[string, ReactNode]> {
  if (limits && !limits.supported) return [];
  const words = limits ? limitWords(limits.limits) : { cpus: '…', memory: '…', disk: '…' };
  return [
    ['CPUs', words.cpus],
    ['Memory', words.memory],
    ['Disk limit', words.disk],
  ];
}

/**
 * `orbctl info` for one machine, fetched again when it changes state (the addresses come and go), and its
 * limits.
 */
export function MachineInfoView({ machine }: { machine: Machine }) {
  const [info, setInfo] = useState<MachineInfo | null>(null);
  const limits = useMachineLimits(machine.name);
  const [error, setError] = useState<AppErrorData | null>(null);
  const connected = useConnection((s) => s.state === 'open');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    getApi()
      .invoke('machine:info', { name: machine.name })
      .then((i) => {
        if (!current) return;
        setInfo(i);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toErrorData(e)));
    return () => {
      current = false;
    };
  }, [machine.name, machine.state, connected, reload]);

  const shown: Machine =
    info && info.id === machine.id
      ? { ...machine, ...info, state: machine.state, isDefault: machine.isDefault }
      : machine;
  const running = machine.state === 'running';
  const address = (value: string | undefined) =>
    running && value ? (
      <span className="address">
        <span className="mono" title={value}>
          {value}
        </span>
        <CopyButton text={value} label="Copy" />
      </span>
    ) : (
      '—'
    );
  const rows: Array<[string, ReactNode]> = [
    ['Distro', describeImage(shown.distro, shown.version)],
    ['Architecture', shown.arch],
    ['IPv4', address(shown.ip4)],
    ['IPv6', address(shown.ip6)],
    ['Disk usage', formatBytes(shown.diskSize)],
    ...limitRows(limits),
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
    [
      'ID',
      <span className="mono ellipsis" title={shown.id}>
        {shown.id}
      </span>,
    ],
  ];
  return (
    <>
      {error && <ErrorDetails error={error} />}
      <dl className="info-grid">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import { describeImage } from '../../../shared/distros';
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import type { Machine, MachineInfo } from '../../../shared/machine';
import { getApi } from '../../api/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatBytes } from '../../model/format';
import { useConnection } from '../../state/connection';
import { DefaultUser } from '../DefaultUser';

/** `orbctl info` for one machine, fetched again when it changes state (the addresses come and go). */
export function MachineInfoView({ machine }: { machine: Machine }) {
  const [info, setInfo] = useState<MachineInfo | null>(null);
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

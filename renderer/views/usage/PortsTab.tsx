import { webAddress } from '../../../shared/inside';
import type { Machine } from '../../../shared/machine';
import { toErrorData } from '../../../shared/errors';
import type { ListeningPort } from '../../../shared/usage';
import { getApi } from '../../api/api';
import { CopyButton } from '../../components/CopyButton';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useMachineUsage } from '../../hooks/use-machine-usage';
import { useToasts } from '../../state/toasts';
import './usage.css';

const SCOPE: Record<ListeningPort['scope'], string> = {
  all: 'every address',
  loopback: 'inside only',
  address: 'one address',
};

/** One row per port, program and reach: a server on `0.0.0.0` and `::` alike is one row. */
interface PortGroup {
  port: number;
  scope: ListeningPort['scope'];
  addresses: string[];
  process: ListeningPort['process'];
}

function groupPorts(ports: readonly ListeningPort[]): PortGroup[] {
  const groups = new Map<string, PortGroup>();
  for (const p of ports) {
    const key = `${p.port} ${p.scope} ${p.process?.pid ?? ''} ${p.scope === 'all' ? '' : p.address}`;
    const group = groups.get(key);
    if (group) group.addresses.push(p.address);
    else groups.set(key, { port: p.port, scope: p.scope, addresses: [p.address], process: p.process });
  }
  return [...groups.values()];
}

/**
 * What listens in the machine (its TCP sockets in LISTEN state, read every 10 s while this tab shows), with the
 * program where it could be read; each port reachable from the Mac links to http://NAME.orb.local:PORT, and a
 * port another machine also serves on every address is pointed out.
 */
export function PortsTab({ machine }: { machine: Machine }) {
  const { usage, error } = useMachineUsage(machine.name, machine.state);
  const reading = machine.state === 'running' ? usage?.portsReading : null;
  const reason = machine.state !== 'running' ? `${machine.name} is ${machine.state}.` : usage?.unavailable;
  return (
    <section className="usage ports" aria-label={`Ports of ${machine.name}`}>
      {error && <ErrorDetails error={error} />}
      <p className="usage-status muted" role="status">
        {reason
          ? `Not available: ${reason}`
          : reading
            ? `Listening TCP ports, read every 10 s · ${new Date(reading.at).toLocaleTimeString()}`
            : `Reading ${machine.name}…`}
      </p>
      {reading && usage && (
        <>
          {usage.conflicts.map((c) => (
            <p key={c.port} className="port-conflict" role="note">
              Port {c.port} is also served on every address by {c.machines.join(', ')}: localhost:{c.port} on
              this Mac reaches only one of them; {webAddress(machine.name)}:{c.port} reaches this one.
            </p>
          ))}
          {!reading.ports.ok ? (
            <p className="not-available">Not available: {reading.ports.reason}</p>
          ) : reading.ports.value.length === 0 ? (
            <p className="muted">Nothing listens on a TCP port.</p>
          ) : (
            <table className="ports-table" aria-label={`Ports of ${machine.name}`}>
              <thead>
                <tr>
                  <th>Port</th>
                  <th>Program</th>
                  <th>Listens on</th>
                  <th>
                    <span className="visually-hidden">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {groupPorts(reading.ports.value).map((p) => (
                  <PortRow key={`${p.port} ${p.addresses.join(' ')}`} machine={machine.name} port={p} />
                ))}
              </tbody>
            </table>
          )}
          {reading.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
          <p className="muted">
            Compared with the ports of {usage.comparedWith} other running machine
            {usage.comparedWith === 1 ? '' : 's'} (as seen in the last 10 minutes).
          </p>
        </>
      )}
    </section>
  );
}

function PortRow({ machine, port }: { machine: string; port: PortGroup }) {
  const url = `http://${webAddress(machine)}:${port.port}/`;
  const open = async () => {
    try {
      const { opened } = await getApi().invoke('machine:open-web', { name: machine, port: port.port });
      if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
    } catch (error) {
      const data = toErrorData(error);
      useToasts.getState().push({ kind: 'error', text: data.message, error: data });
    }
  };
  const reach = port.scope === 'address' ? port.addresses.join(', ') : SCOPE[port.scope];
  return (
    <tr aria-label={`Port ${port.port}`}>
      <td className="num mono">{port.port}</td>
      <td title={port.process ? `process ${port.process.pid}` : 'The program could not be read'}>
        {port.process?.name ?? '—'}
      </td>
      <td className="muted" title={port.addresses.join(', ')}>
        {reach}
      </td>
      <td className="port-actions">
        {port.scope === 'loopback' ? null : (
          <>
            <button type="button" onClick={() => void open()} title={`Open ${url}`}>
              Open
            </button>
            <CopyButton text={url} label="Copy" />
          </>
        )}
      </td>
    </tr>
  );
}

import { useEffect, useState } from 'react';
import { ask } from '../../commands/core';
import { webAddress } from '../../../shared/inside';
import type { Machine } from '../../../shared/machine';
import { activeJobsFor, availability } from '../../../shared/machine-actions';
import { runMachineAction } from '../../commands/machine-commands';
import { CopyButton } from '../../components/CopyButton';
import { useJobs } from '../../state/jobs';
import { selectCapabilities, useOrbctl } from '../../state/orbctl';
import '../run/run.css';

/**
 * How to reach a machine, in one place of the inspector: its address NAME.orb.local (Copy Address,
 * Open in Browser), the SSH command, and Terminal and VS Code. Mount it in the details pane with
 * `<ReachSection machine={machine} />`.
 */
export function ReachSection({ machine }: { machine: Machine }) {
  const name = machine.name;
  const address = webAddress(name);
  const [ssh, setSsh] = useState<string | null>(null);
  const jobs = useJobs((s) => s.jobs);
  const capabilities = useOrbctl(selectCapabilities);
  const active = activeJobsFor(Object.values(jobs), name);
  const can = (action: 'terminal' | 'vscode') => availability(action, machine, active, capabilities);

  useEffect(() => {
    let current = true;
    void ask('machine:ssh', { name })
      .then((a) => current && setSsh(a.command))
      .catch(() => current && setSsh(null));
    return () => {
      current = false;
    };
  }, [name, machine.defaultUser]);

  return (
    <section className="reach" aria-label={`Reach ${name}`}>
      <h3>Reach It</h3>
      <dl className="info-grid">
        <div>
          <dt>Address</dt>
          <dd className="reach-address">{address}</dd>
        </div>
        <div>
          <dt>SSH</dt>
          <dd className="reach-address">{ssh ?? '…'}</dd>
        </div>
      </dl>
      <div className="row" role="group" aria-label={`Ways to reach ${name}`}>
        <CopyButton text={address} label="Copy Address" />
        <button
          type="button"
          onClick={() => void runMachineAction('open-web', name)}
          disabled={machine.state !== 'running'}
          title={machine.state === 'running' ? `Open http://${address}/` : `${name} is ${machine.state}`}
        >
          Open in Browser
        </button>
        {ssh && <CopyButton text={ssh} label="Copy SSH" />}
        {(['terminal', 'vscode'] as const).map((action) => (
          <button
            key={action}
            type="button"
            disabled={!can(action).enabled}
            title={can(action).reason}
            onClick={() => void runMachineAction(action, name)}
          >
            {action === 'terminal' ? 'Terminal' : 'VS Code'}
          </button>
        ))}
      </div>
    </section>
  );
}

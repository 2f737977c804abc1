// In the inspector of a sandbox: where it stands, Reset (one click), its golden checkpoint, and the countdown of
// its time limit with Extend 1 Hour.
import { RotateCcw } from 'lucide-react';
import type { Machine } from '../../../shared/machine';
import { activeJobsFor } from '../../../shared/machine-actions';
import { countdown, resetAvailability, type SandboxRecord } from '../../../shared/sandboxes';
import { extendSandbox, removeTimeLimit, resetSandbox, saveGolden } from '../../commands/sandbox-commands';
import { useNow } from '../../hooks/use-now';
import { useJobs } from '../../state/jobs';
import { useSandboxByName } from '../../state/sandboxes';

function standing(sandbox: SandboxRecord): string {
  switch (sandbox.state) {
    case 'setting-up':
      return 'Setting up: its golden checkpoint is taken once cloud-init is done.';
    case 'saving-golden':
      return 'Saving its golden checkpoint…';
    case 'ready':
      return `Resets to its golden checkpoint of ${new Date(sandbox.golden!.savedAt).toLocaleString(
        undefined,
        {
          dateStyle: 'medium',
          timeStyle: 'short',
        },
      )}.`;
    case 'no-golden':
      return sandbox.problem ?? 'It has no golden checkpoint.';
  }
}

export function SandboxSection({ machine }: { machine: Machine }) {
  const sandbox = useSandboxByName().get(machine.name);
  const jobs = useJobs((s) => s.jobs);
  const now = useNow(!!sandbox?.timeLimit);
  if (!sandbox) return null;
  const active = activeJobsFor(Object.values(jobs), machine.name);
  const reset = resetAvailability(sandbox, machine.state, active[0]);
  const limit = sandbox.timeLimit;
  const busy = active.length > 0 || sandbox.state === 'setting-up' || sandbox.state === 'saving-golden';
  return (
    <section className="sandbox-section" aria-label="Sandbox">
      <div className="sandbox-line">
        <span className="sandbox-marker">sandbox</span>
        <p role="status">{standing(sandbox)}</p>
      </div>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!reset.enabled}
          title={reset.reason}
          onClick={() => void resetSandbox(machine.name)}
        >
          <RotateCcw size={13} aria-hidden />
          Reset
        </button>
        <button
          type="button"
          disabled={busy}
          title={`Keep the state ${machine.name} has now as its golden checkpoint (the old one is deleted)`}
          onClick={() => void saveGolden(machine.name)}
        >
          {sandbox.golden ? 'Keep This State as Golden' : 'Save Golden'}
        </button>
      </div>
      {limit && (
        <div className="sandbox-line sandbox-limit">
          <p>
            Time left{' '}
            <strong role="timer" aria-label="Time left" className="mono">
              {countdown(limit.endsAt - now)}
            </strong>
            , then {limit.then === 'reset' ? 'it is reset' : 'it is deleted'}.
          </p>
          <div className="row">
            <button type="button" onClick={() => void extendSandbox(machine.name)}>
              Extend 1 Hour
            </button>
            <button type="button" className="link" onClick={() => void removeTimeLimit(machine.name)}>
              Remove Limit
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

// Above the list when the sidebar's Sandboxes is chosen: what a sandbox is, and New Sandbox….
import { FlaskConical } from 'lucide-react';
import { runWindowCommand } from '../../commands/window-commands';
import { useAppAvailability } from '../../state/app-availability';

export function SandboxesHeader({ count }: { count: number }) {
  const create = useAppAvailability('create');
  const newSandbox = (
    <button
      type="button"
      disabled={!create.enabled}
      title={create.enabled ? 'An isolated machine that goes back to a known-good state' : create.reason}
      onClick={() => runWindowCommand('new-sandbox')}
    >
      New Sandbox…
    </button>
  );
  if (count === 0) {
    return (
      <section className="empty-state sandboxes-empty" aria-label="No sandboxes">
        <FlaskConical size={28} aria-hidden />
        <h2>No sandboxes yet</h2>
        <p>
          A sandbox is an isolated machine for agents and experiments. OrbDeck keeps its state once it is set
          up as a golden checkpoint, and Reset puts it back there in one click. Agents can work in sandboxes
          only.
        </p>
        {newSandbox}
      </section>
    );
  }
  return (
    <div className="sandboxes-header" role="note">
      <p>Isolated machines that reset to a known-good state in one click. Agents can change only these.</p>
      {newSandbox}
    </div>
  );
}

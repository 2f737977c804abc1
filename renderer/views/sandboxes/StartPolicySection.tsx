// In the inspector's Info tab: whether OrbDeck starts the machine when it starts and stops it when it quits.
import type { Machine } from '../../../shared/machine';
import { START_POLICY_LABELS } from '../../../shared/start-policy';
import { setPolicy } from '../../commands/sandbox-commands';
import { usePolicyByName } from '../../state/start-policy';

export function StartPolicySection({ machine }: { machine: Machine }) {
  const policy = usePolicyByName().get(machine.name);
  // Never shown for a checkpoint (starting one would change it): the inspector shows only the list's machines,
  // and checkpoints are not among them (shared/checkpoint-records.ts).
  return (
    <section className="reach start-policy" aria-label="With OrbDeck">
      <h3>With OrbDeck</h3>
      {(['startWithApp', 'stopOnQuit'] as const).map((key) => (
        <label key={key} className="inline">
          <input
            type="checkbox"
            checked={policy?.[key] ?? false}
            onChange={(e) => void setPolicy(machine.name, key, e.target.checked)}
          />
          {START_POLICY_LABELS[key]}
        </label>
      ))}
      <p className="muted">
        Started once OrbStack is up when OrbDeck starts; stopped before OrbDeck quits. The menu bar icon
        starts and stops them all.
      </p>
    </section>
  );
}

/**
 * The items a machine's menus (the context menu, the inspector's "…") add for sandboxes and start policies:
 * Reset to Golden and Extend 1 Hour on a sandbox, and the two halves of the start policy, ticked as they stand.
 */
import type { Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';
import { resetAvailability, type SandboxRecord } from '../../shared/sandboxes';
import { START_POLICY_LABELS, type StartPolicyRecord } from '../../shared/start-policy';

export const EXTRA_CHOICES = [
  'sandbox:reset',
  'sandbox:extend',
  'policy:startWithApp',
  'policy:stopOnQuit',
] as const;
export type ExtraChoice = (typeof EXTRA_CHOICES)[number];

export const isExtraChoice = (id: string): id is ExtraChoice =>
  (EXTRA_CHOICES as readonly string[]).includes(id);

export interface ExtraItem {
  kind: 'item';
  id: ExtraChoice;
  label: string;
  enabled: boolean;
  reason: string;
  checked?: boolean;
}

export function sandboxMenuItems(
  machine: Machine,
  active: readonly Job[],
  sandbox: SandboxRecord | undefined,
  policy: StartPolicyRecord | undefined,
): ExtraItem[][] {
  const groups: ExtraItem[][] = [];
  if (sandbox) {
    const reset = resetAvailability(sandbox, machine.state, active[0]);
    const group: ExtraItem[] = [{ kind: 'item', id: 'sandbox:reset', label: 'Reset to Golden', ...reset }];
    if (sandbox.timeLimit) {
      group.push({
        kind: 'item',
        id: 'sandbox:extend',
        label: 'Extend Time Limit by 1 Hour',
        enabled: true,
        reason: `Another hour before ${machine.name} is ${sandbox.timeLimit.then === 'reset' ? 'reset' : 'deleted'}`,
      });
    }
    groups.push(group);
  }
  // Never a checkpoint's (starting one would change it): checkpoints are not rows of the list, whose machines
  // these menus are for (shared/checkpoint-records.ts).
  {
    groups.push(
      (['startWithApp', 'stopOnQuit'] as const).map((key) => ({
        kind: 'item' as const,
        id: `policy:${key}` as const,
        label: START_POLICY_LABELS[key],
        enabled: true,
        checked: policy?.[key] ?? false,
        reason:
          key === 'startWithApp'
            ? `OrbDeck starts ${machine.name} when it starts, once OrbStack is up`
            : `OrbDeck stops ${machine.name} when it quits`,
      })),
    );
  }
  return groups;
}

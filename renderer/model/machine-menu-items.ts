import type { Job } from '../../shared/jobs';
import type { Machine, OrbctlCapabilities } from '../../shared/machine';
import {
  availability,
  BULK_ACTIONS,
  bulkAvailability,
  type BulkAction,
  type MachineAction,
} from '../../shared/machine-actions';
import { MACHINE_MENU } from '../../shared/machine-menu';
import type { ExtraChoice } from './sandbox-menu-items';

export type MenuItem =
  | {
      kind: 'item';
      id: MenuChoice;
      label: string;
      enabled: boolean;
      reason: string;
      danger?: boolean;
      checked?: boolean;
    }
  | { kind: 'separator' };

/**
 * What a menu item does: one machine's action, an action on every selected machine that allows it, or a
 * sandbox's or start policy's item (model/sandbox-menu-items.ts).
 */
export type MenuChoice = MachineAction | `bulk:${BulkAction}` | ExtraChoice;

export interface Selected {
  machine: Machine;
  active: readonly Job[];
}

const machines = (n: number) => (n === 1 ? '1 Machine' : `${n} Machines`);
const BULK_LABEL: Record<BulkAction, (n: number) => string> = {
  start: (n) => `Start ${machines(n)}`,
  stop: (n) => `Stop ${machines(n)}`,
  restart: (n) => `Restart ${machines(n)}`,
  export: (n) => `Export ${machines(n)}…`,
  run: (n) => `Run Command in ${machines(n)}…`,
  delete: (n) => `Delete ${machines(n)}…`,
};
const BULK_GROUPS: BulkAction[][] = [['start', 'stop', 'restart'], ['export', 'run'], ['delete']];

/**
 * The items of a machine's menu (the row's context menu, the inspector's "…"), enabled by the shared rules:
 * MACHINE_MENU for one machine, the bulk actions for several. `skip` leaves out actions shown elsewhere;
 * `extras` are one machine's groups of its own (a sandbox's, its start policy), put before Delete.
 */
export function machineMenuItems(
  selected: readonly Selected[],
  capabilities: OrbctlCapabilities | null,
  skip: ReadonlySet<MachineAction> = new Set(),
  extras: ReadonlyArray<readonly MenuItem[]> = [],
): MenuItem[] {
  const groups: MenuItem[][] = [];
  if (selected.length === 1) {
    const { machine, active } = selected[0]!;
    for (const group of MACHINE_MENU) {
      groups.push(
        group
          .filter((e) => !skip.has(e.action))
          .map(({ action, label, danger }) => {
            const can = availability(action, machine, active, capabilities);
            return { kind: 'item', id: action, label, enabled: can.enabled, reason: can.reason, danger };
          }),
      );
    }
    groups.splice(groups.length - 1, 0, ...extras.map((g) => [...g]));
  } else if (selected.length > 1) {
    for (const group of BULK_GROUPS) {
      groups.push(
        group.map((action) => {
          const can = bulkAvailability(action, selected, capabilities);
          return {
            kind: 'item',
            id: `bulk:${action}`,
            label: BULK_LABEL[action](can.enabled ? can.names.length : selected.length),
            enabled: can.enabled,
            reason: can.reason,
            danger: action === 'delete',
          };
        }),
      );
    }
  }
  return groups
    .filter((g) => g.length > 0)
    .flatMap((g, i) => (i === 0 ? g : [{ kind: 'separator' as const }, ...g]));
}

export const isBulkChoice = (id: string): id is `bulk:${BulkAction}` =>
  id.startsWith('bulk:') && (BULK_ACTIONS as readonly string[]).includes(id.slice(5));

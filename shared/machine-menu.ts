import { COMMANDS, MENU_SECTIONS, type MachineCommandSpec } from './commands';
import { MACHINE_ACTIONS, type MachineAction } from './machine-actions';

export interface MachineMenuEntry {
  action: MachineAction;
  /** Title-case, with "…" when the action asks something before it acts (macOS menu convention). */
  label: string;
  danger?: boolean;
}

/**
 * The actions on one machine, grouped as every menu shows them: the inspector's buttons and its "…" menu, the
 * row's context menu (native in Electron, HTML in the browser). Each action's words and place are its row of
 * shared/commands.ts, in the table's order; each entry is enabled by `availability`, so a new action added
 * there appears everywhere with the same rule.
 */
export const MACHINE_MENU: ReadonlyArray<ReadonlyArray<MachineMenuEntry>> = MENU_SECTIONS.map((section) =>
  MACHINE_ACTIONS.flatMap((action): MachineMenuEntry[] => {
    const spec: MachineCommandSpec = COMMANDS[action];
    if (spec.section !== section) return [];
    return [{ action, label: spec.label, ...(spec.danger ? { danger: true } : {}) }];
  }),
);

/** The power actions the inspector shows as buttons; the rest of MACHINE_MENU goes in its "…" menu. */
export const PRIMARY_ACTIONS: readonly MachineAction[] = ['start', 'stop', 'restart'];

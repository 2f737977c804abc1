import { labelOf } from './commands';
import type { MachineAction } from './machine-actions';

export interface MachineMenuEntry {
  action: MachineAction;
  /** Title-case, with "…" when the action asks something before it acts (macOS menu convention). */
  label: string;
  danger?: boolean;
}

/** An action's entry, labelled as every menu labels it (shared/commands.ts). */
const entry = (action: MachineAction, danger = false): MachineMenuEntry => ({
  action,
  label: labelOf(action),
  ...(danger ? { danger } : {}),
});

/**
 * The actions on one machine, grouped as every menu shows them: the inspector's buttons and its "…" menu, the
 * row's context menu (native in Electron, HTML in the browser). Each entry is enabled by `availability`, so a
 * new action added here appears everywhere with the same rule.
 */
export const MACHINE_MENU: ReadonlyArray<ReadonlyArray<MachineMenuEntry>> = [
  [entry('start'), entry('stop'), entry('restart')],
  [entry('terminal'), entry('ssh'), entry('vscode')],
  [entry('rename'), entry('clone'), entry('export'), entry('set-default'), entry('set-limits')],
  // Checkpoints.
  [entry('save-checkpoint'), entry('revert-checkpoint'), entry('clone-checkpoint')],
  // Working inside a machine.
  [entry('run'), entry('pull'), entry('push-file')],
  [entry('delete', true)],
];

/** The power actions the inspector shows as buttons; the rest of MACHINE_MENU goes in its "…" menu. */
export const PRIMARY_ACTIONS: readonly MachineAction[] = ['start', 'stop', 'restart'];

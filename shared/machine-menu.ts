import type { MachineAction } from './machine-actions';

export interface MachineMenuEntry {
  action: MachineAction;
  /** Title-case, with "…" when the action asks something before it acts (macOS menu convention). */
  label: string;
  danger?: boolean;
}

/**
 * The actions on one machine, grouped as every menu shows them: the inspector's buttons and its "…" menu, the
 * row's context menu (native in Electron, HTML in the browser). Each entry is enabled by `availability`, so a
 * new action added here appears everywhere with the same rule.
 */
export const MACHINE_MENU: ReadonlyArray<ReadonlyArray<MachineMenuEntry>> = [
  [
    { action: 'start', label: 'Start' },
    { action: 'stop', label: 'Stop' },
    { action: 'restart', label: 'Restart' },
  ],
  [
    { action: 'terminal', label: 'Open Terminal' },
    { action: 'ssh', label: 'Copy SSH Command' },
    { action: 'vscode', label: 'Open in VS Code' },
    { action: 'copy-address', label: 'Copy Address' },
    { action: 'open-web', label: 'Open in Browser' },
  ],
  [
    { action: 'rename', label: 'Rename…' },
    { action: 'clone', label: 'Clone…' },
    { action: 'export', label: 'Export…' },
    { action: 'set-default', label: 'Make Default' },
    { action: 'set-limits', label: 'Change Limits…' },
  ],
  // Checkpoints.
  [
    { action: 'save-checkpoint', label: 'Save Checkpoint…' },
    { action: 'revert-checkpoint', label: 'Revert to Checkpoint…' },
    { action: 'clone-checkpoint', label: 'Clone from Checkpoint…' },
  ],
  // Working inside a machine.
  [
    { action: 'run', label: 'Run Command…' },
    { action: 'pull', label: 'Copy File from Machine…' },
    { action: 'push-file', label: 'Copy File to Machine…' },
  ],
  [{ action: 'delete', label: 'Delete…', danger: true }],
];

/** The power actions the inspector shows as buttons; the rest of MACHINE_MENU goes in its "…" menu. */
export const PRIMARY_ACTIONS: readonly MachineAction[] = ['start', 'stop', 'restart'];

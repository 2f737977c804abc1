import type { AppCommand } from './ipc/types';
import type { MachineAction } from './machine-actions';

/**
 * Every command a person can give OrbDeck, by one name, with the words every place shows and its one key.
 * The app menu (shared/app-menu.ts), the window's shortcuts and tooltips (renderer/model/shortcuts.ts), the
 * machine menus (shared/machine-menu.ts: the context menu, the inspector's "…") and the tray
 * (electron/desktop/tray-menu.ts) all read their labels and keys from here, so a command is named and bound
 * once. What each command does is said once per side: renderer/commands (the window) and the tray's actions.
 */

/**
 * What a command acts on: the whole app; the selected machine (one at a time, opening its sheet); or every
 * selected machine (one job each, one confirmation).
 */
export type CommandScope = 'app' | 'machine' | 'machines';

export interface CommandSpec {
  /** Title-case, with "…" when the command asks something before it acts (macOS menu convention). */
  label: string;
  /** An Electron accelerator: `CmdOrCtrl+` then `Shift+`/`Alt+` then the key (a letter, `,` or `Backspace`). */
  keys?: string;
  scope: CommandScope;
}

/** The sections of the machine menus (the context menu, the inspector's "…"), top to bottom. */
export const MENU_SECTIONS = ['power', 'open', 'manage', 'checkpoints', 'inside', 'delete'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** A command on a machine also has its place in the machine menus, and may be marked as destroying something. */
export interface MachineCommandSpec extends CommandSpec {
  section: MenuSection;
  danger?: boolean;
}

/** The commands a window, the menu bar, the tray or the Dock can give; messages such as a link's are not. */
export type CommandName =
  Exclude<AppCommand['command'], 'import-files' | 'deep-link' | 'extend-sandbox'> | MachineAction;

export const COMMANDS = {
  // The app and its window.
  create: { label: 'New Machine…', keys: 'CmdOrCtrl+N', scope: 'app' },
  presets: { label: 'New from Preset…', keys: 'CmdOrCtrl+Shift+N', scope: 'app' },
  'new-sandbox': { label: 'New Sandbox…', keys: 'CmdOrCtrl+Alt+N', scope: 'app' },
  import: { label: 'Import…', keys: 'CmdOrCtrl+I', scope: 'app' },
  'verify-export': { label: 'Verify Export…', scope: 'app' },
  'export-bundle': { label: 'Export for a New Mac…', scope: 'app' },
  'import-folder': { label: 'Import Folder…', scope: 'app' },
  settings: { label: 'Settings…', keys: 'CmdOrCtrl+,', scope: 'app' },
  refresh: { label: 'Refresh', keys: 'CmdOrCtrl+R', scope: 'app' },
  filter: { label: 'Find', keys: 'CmdOrCtrl+F', scope: 'app' },
  activity: { label: 'Activity', keys: 'CmdOrCtrl+Shift+A', scope: 'app' },
  // Machines.
  start: { label: 'Start', keys: 'CmdOrCtrl+Shift+S', scope: 'machines', section: 'power' },
  stop: { label: 'Stop', keys: 'CmdOrCtrl+Shift+X', scope: 'machines', section: 'power' },
  restart: { label: 'Restart', scope: 'machines', section: 'power' },
  terminal: { label: 'Open Terminal', scope: 'machine', section: 'open' },
  ssh: { label: 'Copy SSH Command', scope: 'machine', section: 'open' },
  vscode: { label: 'Open in VS Code', scope: 'machine', section: 'open' },
  'copy-address': { label: 'Copy Address', scope: 'machine', section: 'open' },
  'open-web': { label: 'Open in Browser', scope: 'machine', section: 'open' },
  rename: { label: 'Rename…', scope: 'machine', section: 'manage' },
  clone: { label: 'Clone…', scope: 'machine', section: 'manage' },
  export: { label: 'Export…', keys: 'CmdOrCtrl+E', scope: 'machines', section: 'manage' },
  'set-default': { label: 'Make Default', scope: 'machine', section: 'manage' },
  'set-limits': { label: 'Change Limits…', scope: 'machine', section: 'manage' },
  'save-checkpoint': { label: 'Save Checkpoint…', scope: 'machine', section: 'checkpoints' },
  'revert-checkpoint': { label: 'Revert to Checkpoint…', scope: 'machine', section: 'checkpoints' },
  'clone-checkpoint': { label: 'Clone from Checkpoint…', scope: 'machine', section: 'checkpoints' },
  run: { label: 'Run Command…', scope: 'machines', section: 'inside' },
  pull: { label: 'Copy File from Machine…', scope: 'machine', section: 'inside' },
  'push-file': { label: 'Copy File to Machine…', scope: 'machine', section: 'inside' },
  delete: {
    label: 'Delete…',
    keys: 'CmdOrCtrl+Backspace',
    scope: 'machines',
    section: 'delete',
    danger: true,
  },
} as const satisfies { [C in CommandName]: C extends MachineAction ? MachineCommandSpec : CommandSpec };

/** The commands the menu bar, the tray and the Dock send to a window (the app menu's items). */
export type MenuCommand = Extract<CommandName, AppCommand['command']>;

/** The commands that have a key. */
export type KeyedCommand = {
  [C in CommandName]: (typeof COMMANDS)[C] extends { keys: string } ? C : never;
}[CommandName];

export const labelOf = (command: CommandName): string => COMMANDS[command].label;

/** A command's key as parts: the key itself (lower-case for a letter) and whether Shift and Alt are held. */
export interface KeyChord {
  key: string;
  shift: boolean;
  alt: boolean;
}

export function chordOf(keys: string): KeyChord {
  const parts = keys.split('+');
  const key = parts[parts.length - 1]!;
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
}

/** Every keyed command with its chord, for the window's key handler. */
export const KEY_TABLE: ReadonlyArray<{ command: KeyedCommand; chord: KeyChord }> = (
  Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>
).flatMap(([command, spec]) =>
  spec.keys ? [{ command: command as KeyedCommand, chord: chordOf(spec.keys) }] : [],
);

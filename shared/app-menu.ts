import { COMMANDS, type MenuCommand } from './commands';
import type { AppCommand } from './ipc/contract';

/**
 * The application menu as plain data: the standard macOS roles plus OrbDeck's own items with their shortcuts.
 * electron/desktop/menu.ts turns `command` items into clicks that reach the window; in a browser, where there is no
 * menu bar, the title bar's File menu shows the same items (renderer/views/shell/FileMenu.tsx).
 */
export interface AppMenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  command?: AppCommand;
  /** Opened in the browser. */
  url?: string;
  submenu?: AppMenuItem[];
}

const sep: AppMenuItem = { type: 'separator' };

/** A command's item, with its label and key from shared/commands.ts. */
function item(command: MenuCommand): AppMenuItem {
  const spec: { label: string; keys?: string } = COMMANDS[command];
  return { label: spec.label, ...(spec.keys ? { accelerator: spec.keys } : {}), command: { command } };
}

/** The File menu's own items (not the roles), in order, for a menu drawn by the window. */
export function fileMenuCommands(): Array<{ label: string; command: AppCommand }> {
  const file = buildAppMenu('OrbDeck', true).find((m) => m.label === 'File');
  return (file?.submenu ?? []).flatMap((i) =>
    i.label && i.command ? [{ label: i.label, command: i.command }] : [],
  );
}

export function buildAppMenu(appName = 'OrbDeck', isMac = true): AppMenuItem[] {
  const appMenu: AppMenuItem = {
    label: appName,
    submenu: [
      { role: 'about' },
      sep,
      item('settings'),
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  };
  const file: AppMenuItem = {
    label: 'File',
    submenu: [
      item('create'),
      // The presets, each one click from a new machine.
      item('presets'),
      // An isolated machine with a golden checkpoint (docs/sandboxes.md).
      item('new-sandbox'),
      item('import'),
      item('export'),
      item('verify-export'),
      sep,
      item('export-bundle'),
      item('import-folder'),
      sep,
      ...(isMac ? [{ role: 'close' }] : [item('settings'), sep, { role: 'quit' }]),
    ],
  };
  const view: AppMenuItem = {
    label: 'View',
    submenu: [item('refresh'), item('filter'), item('activity'), sep, { role: 'togglefullscreen' }],
  };
  return [
    ...(isMac ? [appMenu] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'OrbStack Documentation', url: 'https://docs.orbstack.dev' }] },
  ];
}

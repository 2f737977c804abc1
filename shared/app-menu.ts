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
      { label: 'Settings…', accelerator: 'CmdOrCtrl+,', command: { command: 'settings' } },
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
      { label: 'New Machine…', accelerator: 'CmdOrCtrl+N', command: { command: 'create' } },
      // The presets, each one click from a new machine.
      { label: 'New from Preset…', accelerator: 'CmdOrCtrl+Shift+N', command: { command: 'presets' } },
      // An isolated machine with a golden checkpoint (docs/sandboxes.md).
      { label: 'New Sandbox…', accelerator: 'CmdOrCtrl+Alt+N', command: { command: 'new-sandbox' } },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', command: { command: 'import' } },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', command: { command: 'export' } },
      { label: 'Verify Export…', command: { command: 'verify-export' } },
      sep,
      { label: 'Export for a New Mac…', command: { command: 'export-bundle' } },
      { label: 'Import Folder…', command: { command: 'import-folder' } },
      sep,
      ...(isMac
        ? [{ role: 'close' }]
        : [
            {
              label: 'Settings…',
              accelerator: 'CmdOrCtrl+,',
              command: { command: 'settings' },
            } as AppMenuItem,
            sep,
            { role: 'quit' },
          ]),
    ],
  };
  const view: AppMenuItem = {
    label: 'View',
    submenu: [
      { label: 'Refresh', accelerator: 'CmdOrCtrl+R', command: { command: 'refresh' } },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', command: { command: 'filter' } },
      { label: 'Activity', accelerator: 'CmdOrCtrl+Shift+A', command: { command: 'activity' } },
      sep,
      { role: 'togglefullscreen' },
    ],
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

import type { AppCommand } from '../../shared/ipc/contract';
import { getApi } from '../api/api';
import { useMachines } from '../stores/machines';
import { useToasts } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { pickAndImport, previewAndAsk } from './file-import';

/** The commands that open a dialog of their own (import: after the native open dialog). */
const OPENS_DIALOG: ReadonlySet<AppCommand['command']> = new Set([
  'create',
  'settings',
  'import',
  'clone',
  'export',
  'rename',
  'delete',
]);

/** Carries out a command from the app menu, the tray or the Dock (Electron), as the matching click would. */
export function runAppCommand(cmd: AppCommand): void {
  const ui = useUi.getState();
  // As the window's own shortcuts: while a dialog is open, a menu or tray command does not replace it (and
  // lose what was typed). On a Mac the menu's shortcuts reach here whenever the window leaves a key alone.
  if (ui.dialog && OPENS_DIALOG.has(cmd.command)) {
    useToasts.getState().push({ kind: 'info', text: 'Close the open dialog first.' });
    return;
  }
  switch (cmd.command) {
    case 'create':
    case 'settings':
      ui.open({ kind: cmd.command });
      return;
    case 'import':
      void pickAndImport(null);
      return;
    case 'import-files':
      void previewAndAsk(cmd.paths.map((path) => ({ path, uploaded: false })));
      return;
    case 'refresh':
      void getApi()
        .invoke('machines:refresh', {})
        .catch(() => {});
      return;
    case 'activity':
      ui.setActivityOpen(!ui.activityOpen);
      return;
    case 'filter':
      document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      return;
    case 'clone':
    case 'export':
    case 'rename':
    case 'delete': {
      const machine = cmd.machine ?? useMachines.getState().selected;
      if (machine) ui.open({ kind: cmd.command, machine });
      else useToasts.getState().push({ kind: 'info', text: 'Select a machine first.' });
      return;
    }
  }
}

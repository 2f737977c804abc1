import type { AppCommand } from '../../shared/ipc/contract';
import { previewAndAsk, previewFolder } from './file-import';
import { useMachines } from '../state/machines';
import { useToasts } from '../state/toasts';
import { useUi } from '../state/ui';
import { runOnMachine } from './machine-commands';
import { asksFirst, parseDeepLink } from '../../shared/deep-link';
import { runWindowCommand } from './window-commands';
import { getApi } from '../api/api';
import { toErrorData } from '../../shared/errors';

/** The commands that open a dialog of their own (import: after the native open dialog). */
const OPENS_DIALOG: ReadonlySet<AppCommand['command']> = new Set([
  'create',
  'presets',
  'settings',
  'import',
  'clone',
  'export',
  'rename',
  'delete',
  'verify-export',
  'save-checkpoint',
  'export-bundle',
  'import-folder',
  'deep-link',
  'new-sandbox',
]);

/** Carries out a command from the app menu, the tray or the Dock (Electron), as the matching click would. */
export function runAppCommand(cmd: AppCommand): void {
  // As the window's own shortcuts: while a dialog is open, a menu or tray command does not replace it (and
  // lose what was typed). On a Mac the menu's shortcuts reach here whenever the window leaves a key alone.
  if (useUi.getState().dialog && OPENS_DIALOG.has(cmd.command)) {
    useToasts.getState().push({ kind: 'info', text: 'Close the open dialog first.' });
    return;
  }
  switch (cmd.command) {
    // The dialog kind the coordinator adds to DialogState: { kind: 'verify-export' }.
    case 'verify-export':
      useUi.getState().open({ kind: 'verify-export' });
      return;
    case 'save-checkpoint':
      runOnMachine('save-checkpoint', cmd.machine ?? useMachines.getState().selected);
      return;
    case 'import-folder':
      if (cmd.folder) void previewFolder(cmd.folder.ref);
      else runWindowCommand('import-folder');
      return;
    case 'import-files':
      void previewAndAsk(cmd.files.map((f) => ({ ...f, uploaded: false })));
      return;
    case 'clone':
    case 'export':
    case 'rename':
    case 'delete':
      runOnMachine(cmd.command, cmd.machine ?? useMachines.getState().selected);
      return;
    // A notice's button: another hour before the sandbox's time runs out.
    case 'extend-sandbox':
      void getApi()
        .invoke('sandbox:extend', { name: cmd.machine })
        .then(
          () => useToasts.getState().push({ kind: 'success', text: `${cmd.machine} has another hour.` }),
          (error: unknown) => {
            const data = toErrorData(error);
            useToasts.getState().push({ kind: 'error', text: data.message, error: data });
          },
        );
      return;
    // Showing a machine just shows it; anything else asks first (DeepLinkDialog).
    case 'deep-link': {
      const parsed = parseDeepLink(cmd.url);
      if ('problem' in parsed) {
        useToasts.getState().push({ kind: 'error', text: parsed.problem });
      } else if (!asksFirst(parsed.link) && parsed.link.kind === 'show') {
        useMachines.getState().select(parsed.link.machine);
      } else {
        useUi.getState().open({ kind: 'deep-link', url: cmd.url, link: parsed.link });
      }
      return;
    }
    default:
      runWindowCommand(cmd.command);
  }
}

import type { AppCommand } from '../../shared/ipc/contract';
import { previewAndAsk } from '../lib/file-import';
import { useMachines } from '../stores/machines';
import { runOnMachine } from './machine-commands';
import { runWindowCommand } from './window-commands';

/** Carries out a command from the app menu, the tray or the Dock (Electron), as the matching click would. */
export function runAppCommand(cmd: AppCommand): void {
  switch (cmd.command) {
    case 'import-files':
      void previewAndAsk(cmd.files.map((f) => ({ ...f, uploaded: false })));
      return;
    case 'clone':
    case 'export':
    case 'rename':
    case 'delete':
      runOnMachine(cmd.command, cmd.machine ?? useMachines.getState().selected);
      return;
    default:
      runWindowCommand(cmd.command);
  }
}

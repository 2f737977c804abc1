import type { AppCommand } from '../../shared/ipc/contract';
import { getApi } from '../api/api';
import { useMachines } from '../stores/machines';
import { useToasts } from '../stores/toasts';
import { useUi } from '../stores/ui';
import { pickAndImport, previewAndAsk } from './file-import';

/** Carries out a command from the app menu, the tray or the Dock (Electron), as the matching click would. */
export function runAppCommand(cmd: AppCommand): void {
  const ui = useUi.getState();
  switch (cmd.command) {
    case 'create':
    case 'settings':
      ui.open({ kind: cmd.command });
      return;
    case 'import':
      void pickAndImport(null);
      return;
    case 'import-files':
      void previewAndAsk(cmd.files.map((f) => ({ ...f, uploaded: false })));
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

import { useCallback } from 'react';
import { getApi } from '../api/api';
import { toErrorData } from '../api/api-error';
import { useToasts } from '../stores/toasts';
import { useUi } from '../stores/ui';
import type { MachineAction } from '../../shared/machine-actions';
import { openAddress } from './open-address';

/**
 * Performs an action on a machine: jobs go to the core (and show up in the list and Activity), confirmations
 * open their dialog, and anything refused becomes an error toast with the details, never a silent no-op.
 */
export function useMachineAction(): (action: MachineAction, name: string) => Promise<void> {
  const push = useToasts((s) => s.push);
  const open = useUi((s) => s.open);
  return useCallback(
    async (action, name) => {
      const api = getApi();
      try {
        switch (action) {
          case 'start':
            await api.invoke('machine:start', { name });
            break;
          case 'stop':
            await api.invoke('machine:stop', { name });
            break;
          case 'restart':
            await api.invoke('machine:restart', { name });
            break;
          case 'set-default':
            await api.invoke('machine:set-default', { name });
            break;
          case 'rename':
          case 'delete':
          case 'clone':
          case 'export':
            open({ kind: action, machine: name });
            break;
          case 'terminal':
          case 'vscode': {
            const { opened, url } = await api.invoke('machine:open', { name, target: action });
            // The headless host cannot open apps on this screen; the browser can hand the address over.
            if (!opened) openAddress(url);
            break;
          }
          case 'ssh': {
            const { command } = await api.invoke('machine:ssh', { name });
            await navigator.clipboard.writeText(command);
            push({ kind: 'success', text: `Copied: ${command}` });
            break;
          }
        }
      } catch (error) {
        const data = toErrorData(error);
        push({ kind: 'error', text: data.message, error: data });
      }
    },
    [push, open],
  );
}

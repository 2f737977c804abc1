import { useCallback } from 'react';
import type { IpcChannel } from '../../shared/ipc/contract';
import { getApi } from '../api/api';
import { toErrorData } from '../api/api-error';
import { useToasts } from '../stores/toasts';

type MachineJobChannel = Extract<IpcChannel, 'machine:start' | 'machine:stop' | 'machine:restart'>;

/** Starts a machine job; a refusal (invalid input, orbctl missing) becomes an error toast, never a silent no-op. */
export function useMachineJob(): (channel: MachineJobChannel, name: string) => Promise<void> {
  const push = useToasts((s) => s.push);
  return useCallback(
    async (channel, name) => {
      try {
        await getApi().invoke(channel, { name });
      } catch (error) {
        const data = toErrorData(error);
        push({ kind: 'error', text: data.message, error: data });
      }
    },
    [push],
  );
}

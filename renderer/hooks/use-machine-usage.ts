import { useEffect, useState } from 'react';
import { toErrorData, type AppErrorData } from '../../shared/errors';
import type { MachineUsage } from '../../shared/usage';
import { getApi } from '../api/api';
import { useConnection } from '../state/connection';
import { useUsage } from '../state/usage';

/**
 * A machine's inside as this window knows it: pulled whole when shown (the last hour, the disk's records),
 * then followed through `usage:changed`. Pulled again after a reconnect and when the machine changes state.
 */
export function useMachineUsage(
  name: string,
  state: string,
): { usage: MachineUsage | null; error: AppErrorData | null } {
  const usage = useUsage((s) => s.byName[name] ?? null);
  const connected = useConnection((s) => s.state === 'open');
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    let current = true;
    getApi()
      .invoke('machine:usage', { name })
      .then((u) => {
        if (!current) return;
        useUsage.getState().set(u);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toErrorData(e)));
    return () => {
      current = false;
    };
  }, [name, state, connected]);
  return { usage, error };
}

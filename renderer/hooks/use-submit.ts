import { useState } from 'react';
import { toErrorData, type AppErrorData } from '../../shared/errors';

/** Runs a dialog's submit once at a time, keeping its error for the dialog to show (and not closing). */
export function useSubmit(): {
  busy: boolean;
  error: AppErrorData | null;
  submit(work: () => Promise<void>): Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  return {
    busy,
    error,
    async submit(work) {
      if (busy) return;
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(toErrorData(e));
      } finally {
        setBusy(false);
      }
    },
  };
}

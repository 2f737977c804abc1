// Issue 14: checks an export against the checksum beside it (`export:verify`), following its progress.
import { useEffect, useState } from 'react';
import { toErrorData } from '../../shared/errors';
import type { ChecksumPresence, ChecksumVerdict } from '../../shared/ipc/types';
import { getApi } from '../api/api';

export type ExportCheckState =
  | { phase: 'idle' }
  | { phase: 'checking'; bytesDone: number; bytesTotal: number }
  | { phase: 'done'; verdict: ChecksumVerdict; message: string }
  | { phase: 'failed'; message: string };

/** The words for each verdict (the core says the same: electron/core/exportfile/verify.ts). */
export const VERDICT_WORDS: Record<ChecksumVerdict, string> = {
  verified: 'Verified: matches its checksum.',
  mismatch: 'Does not match its checksum: the file changed or is damaged.',
  missing: 'No checksum beside it.',
  writing: 'The file is still being written by an export; check it when the export has finished.',
};

let counter = 0;

/**
 * Starts a check of `ref` when there is something to check; `presence` from the import preview skips the read
 * when it already knows the answer. Closing the dialog stops the check.
 */
export function useExportCheck(ref: string | null, presence?: ChecksumPresence): ExportCheckState {
  const [state, setState] = useState<ExportCheckState>({ phase: 'idle' });
  useEffect(() => {
    if (!ref) return;
    if (presence === 'missing' || presence === 'mismatch') {
      setState({ phase: 'done', verdict: presence, message: VERDICT_WORDS[presence] });
      return;
    }
    const api = getApi();
    const token = `check-${Date.now().toString(36)}-${++counter}`;
    let current = true;
    // Events and answers travel apart: a progress event may arrive after the answer, and must not undo it.
    let answered = false;
    setState({ phase: 'checking', bytesDone: 0, bytesTotal: 0 });
    const off = api.on('export:verify-progress', (p) => {
      if (current && !answered && p.token === token) setState({ phase: 'checking', ...p });
    });
    api
      .invoke('export:verify', { path: ref, token })
      .then((check) => {
        answered = true;
        if (current) setState({ phase: 'done', verdict: check.verdict, message: check.message });
      })
      .catch((e: unknown) => {
        answered = true;
        if (current) setState({ phase: 'failed', message: toErrorData(e).message });
      });
    return () => {
      current = false;
      off();
      void api.invoke('export:verify-cancel', { token }).catch(() => {});
    };
  }, [ref, presence]);
  return state;
}

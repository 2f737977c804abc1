// Checks an export against the checksum beside it (`export:verify`), following its progress.
import { useEffect, useState } from 'react';
import { toErrorData } from '../../shared/errors';
import type { ChecksumPresence, ChecksumVerdict } from '../../shared/ipc/types';
import { onCoreEvent, ask } from '../commands/core';

export type ExportCheckState =
  | { phase: 'idle' }
  | { phase: 'checking'; bytesDone: number; bytesTotal: number }
  | { phase: 'done'; verdict: ChecksumVerdict; message: string }
  | { phase: 'failed'; message: string };

/** The words for each verdict (the core says the same: electron/core/export-file/verify.ts). */
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
  // What the check of `ref` has said so far; a state for another file (or none yet) reads as just started.
  const [seen, setSeen] = useState<{ ref: string; state: ExportCheckState } | null>(null);
  const known = presence === 'missing' || presence === 'mismatch' ? presence : null;
  useEffect(() => {
    if (!ref || known) return;
    const token = `check-${Date.now().toString(36)}-${++counter}`;
    let current = true;
    // Events and answers travel apart: a progress event may arrive after the answer, and must not undo it.
    let answered = false;
    const show = (state: ExportCheckState) => current && setSeen({ ref, state });
    const off = onCoreEvent('export:verify-progress', (p) => {
      if (!answered && p.token === token) show({ phase: 'checking', ...p });
    });
    ask('export:verify', { path: ref, token })
      .then((check) => {
        answered = true;
        show({ phase: 'done', verdict: check.verdict, message: check.message });
      })
      .catch((e: unknown) => {
        answered = true;
        show({ phase: 'failed', message: toErrorData(e).message });
      });
    return () => {
      current = false;
      off();
      void ask('export:verify-cancel', { token }).catch(() => {});
    };
  }, [ref, known]);
  if (!ref) return IDLE;
  if (known) return { phase: 'done', verdict: known, message: VERDICT_WORDS[known] };
  return seen?.ref === ref ? seen.state : STARTED;
}

const IDLE: ExportCheckState = { phase: 'idle' };
const STARTED: ExportCheckState = { phase: 'checking', bytesDone: 0, bytesTotal: 0 };

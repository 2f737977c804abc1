/**
 * Checking an export against the checksum beside it (`export:verify`), with progress as events and a
 * way to stop a long check. The import preview's quick look lives in handlers/transfers.ts.
 */
import { AppError, ErrorCode } from '../../../shared/errors';
import type { EventHub } from '../platform/events';
import { verifyExport } from '../export-file/verify';
import type { ExportTargets } from './export-target';
import type { FileAccess } from '../file-access/file-access';
import { checkReadableFile } from '../file-access/paths';
import type { Router } from '../ipc/router';

export interface VerifyHandlerDeps {
  events: EventHub;
  files: FileAccess;
  exportTargets: ExportTargets;
}

/** Progress events at most this often, so a fast disk does not flood the window. */
const PROGRESS_MS = 100;

export function registerVerifyHandlers(router: Router, deps: VerifyHandlerDeps): void {
  const handle = router.forOwner('transfers');
  const running = new Map<string, AbortController>();

  handle('export:verify', async ({ path: ref, token }, context) => {
    if (running.has(token)) {
      throw new AppError(ErrorCode.BUSY, 'This check is already running.', { field: 'token' });
    }
    const { path } = await deps.files.resolve(ref, 'read', 'import', context.transport, 'path');
    const file = await checkReadableFile(path, 'path');
    const abort = new AbortController();
    running.set(token, abort);
    let last = 0;
    try {
      return await verifyExport(file.path, {
        signal: abort.signal,
        stillWriting: deps.exportTargets.isClaimed(file.path),
        onProgress: (bytesDone, bytesTotal) => {
          const now = performance.now();
          if (now - last < PROGRESS_MS && bytesDone < bytesTotal) return;
          last = now;
          deps.events.emit('export:verify-progress', { token, bytesDone, bytesTotal });
        },
      });
    } catch (error) {
      if (abort.signal.aborted) throw new AppError(ErrorCode.CANCELLED, 'The check was stopped.');
      throw error;
    } finally {
      running.delete(token);
    }
  });

  handle('export:verify-cancel', ({ token }) => {
    const abort = running.get(token);
    abort?.abort();
    return { cancelled: !!abort };
  });
}

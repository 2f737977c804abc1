import { AppError, type AppErrorData } from '../../shared/errors';
import type { RequestOf } from '../../shared/ipc/contract';
import { getApi } from '../api/api';

/**
 * Starts the push job of a drop on a row or of Copy Files to Machine…. When some of the files hold secrets
 * (an SSH key, credentials, /etc) the core asks for a second, explicit yes instead: that question is returned,
 * for the dialog to show before it sends `confirmSensitive`. Anything else that goes wrong is thrown.
 */
export async function pushFiles(request: RequestOf<'machine:push'>): Promise<AppErrorData | null> {
  try {
    await getApi().invoke('machine:push', request);
    return null;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NEEDS_CONFIRMATION') return e.toData();
    throw e;
  }
}

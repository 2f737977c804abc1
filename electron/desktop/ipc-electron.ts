import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { ALL_CHANNELS } from '../../shared/ipc/contract';
import { EVENT_CHANNEL, GRANT_CHANNEL, type EventMessage } from '../../shared/ipc/bridge';
import { ErrorCode } from '../../shared/errors';
import { fail } from '../../shared/result';
import type { EventHub } from '../core/platform/events';
import type { FileGrants } from '../core/file-access/grants';
import type { Router } from '../core/ipc/router';

/**
 * Transport 1: one `ipcMain.handle` per channel of the contract, all answered by the core's router, and one
 * event channel to every window. Calls from any frame that is not the app's own page are refused.
 */
export function connectElectronIpc(
  router: Router,
  events: EventHub,
  grants: FileGrants,
  isAppUrl: (url: string) => boolean,
): () => void {
  for (const channel of ALL_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        return fail({ code: ErrorCode.FORBIDDEN, message: 'Refused a call from outside OrbDeck.' });
      }
      return router.invoke(channel, request, { transport: 'electron' });
    });
  }
  // Only the preload reaches this channel (the page has no ipcRenderer): a dropped file's real path.
  ipcMain.handle(GRANT_CHANNEL, (event: IpcMainInvokeEvent, path: unknown) => {
    if (!isAppUrl(event.senderFrame?.url ?? '')) return null;
    if (typeof path !== 'string' || !path.startsWith('/') || path.includes('\0')) return null;
    return grants.grant(path, 'read', 'drop');
  });
  const stop = events.onAny((event, payload) => {
    const message: EventMessage = { event, payload };
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, message);
    }
  });
  return () => {
    stop();
    for (const channel of ALL_CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(GRANT_CHANNEL);
  };
}

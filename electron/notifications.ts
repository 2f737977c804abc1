import { BrowserWindow, Notification } from 'electron';
import type { Core } from './core/app-core';
import { jobNotification } from './core/desktop/quit';

/** A system notification when a job ends while no OrbDeck window has the focus (and the setting allows it). */
export function notifyFinishedJobs(core: Core): () => void {
  return core.events.on('jobs:changed', (job) => {
    if (!core.settings.get().notifications || !Notification.isSupported()) return;
    if (BrowserWindow.getFocusedWindow()) return;
    const text = jobNotification(job);
    if (text) new Notification({ title: text.title, body: text.body, silent: job.state !== 'failed' }).show();
  });
}

import { app, BrowserWindow, Notification } from 'electron';
import type { Core } from '../core/app-core';
import { jobNotification } from './job-messages';

/**
 * A system notification when a job ends while no OrbDeck window has the focus (and the setting allows it).
 * Not for the jobs that end because the app quits: the user has just agreed to cancel them.
 */
export function notifyFinishedJobs(core: Core): () => void {
  const stop = core.events.on('jobs:changed', (job) => {
    if (!core.settings.get().notifications || !Notification.isSupported()) return;
    if (BrowserWindow.getFocusedWindow()) return;
    const text = jobNotification(job);
    if (text) new Notification({ title: text.title, body: text.body, silent: job.state !== 'failed' }).show();
  });
  // will-quit comes once every window has closed, before the core cancels what still runs.
  app.once('will-quit', stop);
  return stop;
}

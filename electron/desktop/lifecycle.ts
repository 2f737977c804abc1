import { app, dialog, type BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import type { Core } from '../core/app-core';
import { filesFromArgv, type OpenFileQueue } from './open-files';
import { linksFromArgv, type DeepLinkQueue } from '../core/links/deep-links';
import { DEEP_LINK_SCHEME } from '../../shared/deep-link';
import { quitQuestion } from './job-messages';

/**
 * A second launch focuses the first (and hands over any export files it was given); files dropped on the Dock
 * icon or opened from Finder wait in `queue` until a window can show them.
 */
export function handleOpenedFiles(queue: OpenFileQueue, showWindow: () => void): void {
  // A launch from a terminal names files relative to its own folder; the core takes absolute paths only.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    queue.add(filesFromArgv(argv).map((file) => resolve(workingDirectory || process.cwd(), file)));
  });
  // macOS sends open-file before `ready` for a file that launched the app: it must be listened to at once.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    queue.add([path]);
    if (app.isReady()) showWindow();
  });
  queue.add(filesFromArgv(process.argv.slice(1)).map((file) => resolve(file)));
}

/**
 * Orbdeck:// links. The packaged app is their handler (electron-builder.yml `protocols`, and
 * setAsDefaultProtocolClient for a build run otherwise); macOS sends `open-url`, before `ready` for a link that
 * launched the app, so it is listened to at once; elsewhere the link comes in a second launch's argv.
 */
export function handleDeepLinks(queue: DeepLinkQueue, showWindow: () => void): void {
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    queue.add(url);
    if (app.isReady()) showWindow();
  });
  app.on('second-instance', (_event, argv) => {
    for (const url of linksFromArgv(argv)) queue.add(url);
  });
  for (const url of linksFromArgv(process.argv.slice(1))) queue.add(url);
}

/**
 * Quitting while jobs run asks first and says what will happen to them; then the core shuts down cleanly. The
 * same question comes before closing the last window when closing it quits the app ("keep in the menu bar"
 * off), while the window is still there to hold it: answered "Keep Running", the window stays.
 */
export function confirmQuit(
  getCore: () => Core | null,
  getWindow: () => BrowserWindow | null,
): { beforeClosingQuits(event: { preventDefault(): void }): void } {
  let confirmed = false;
  const ask = (event: { preventDefault(): void }) => {
    const core = getCore();
    if (confirmed || !core) return;
    const question = quitQuestion(core.jobs.list());
    if (!question) return;
    event.preventDefault();
    const win = getWindow();
    const options = { type: 'warning' as const, ...question, defaultId: 1, cancelId: 1 };
    void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options)).then(({ response }) => {
      if (response !== 0) return;
      confirmed = true;
      app.quit();
    });
  };
  app.on('before-quit', ask);
  return { beforeClosingQuits: ask };
}

/** Open at login follows the setting (macOS and Windows; Linux desktops have no such API). */
export function applyLoginItem(openAtLogin: boolean): void {
  if (process.platform === 'darwin' || process.platform === 'win32')
    app.setLoginItemSettings({ openAtLogin });
}

import { app, session, shell, type WebContents } from 'electron';
import { isAppLink } from './core/external-urls';

/**
 * Locks down every web contents the app creates (after Podman Desktop's security-restrictions.ts): no
 * navigation away from the app, no new windows (the app's own https links open in the browser instead; no
 * other address a page names), no <webview>, and every permission request denied. The renderer needs none.
 */
export function installSecurityGuards(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isAppUrl));
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

export function guardContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

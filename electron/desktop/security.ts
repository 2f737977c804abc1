import { app, session, shell, type WebContents } from 'electron';
import { isAppLink } from './external-urls';

/**
 * Locks down every web contents the app creates (after Podman Desktop's security-restrictions.ts): no
 * navigation away from the app, no new windows (the app's own https links open in the browser instead; no other address a page
 * names), no <webview>,
 * and every permission denied but the one the app's own page needs (see allowsPermission).
 */
export function installSecurityGuards(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isAppUrl));
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(allowsPermission(permission, details.requestingUrl, isAppUrl)),
    );
    session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) =>
      allowsPermission(permission, details.requestingUrl ?? '', isAppUrl),
    );
  });
}

/**
 * Writing the clipboard, for the app's own page only: its Copy buttons use navigator.clipboard.writeText,
 * which Electron grants only when the permission check handler allows 'clipboard-sanitized-write'.
 */
export function allowsPermission(
  permission: string,
  requestingUrl: string,
  isAppUrl: (url: string) => boolean,
): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
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

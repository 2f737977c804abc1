import { protocol } from 'electron';
import { APP_SCHEME, appResponse } from './app-protocol';

/**
 * app:// as a standard, secure origin (so relative URLs, ES modules and storage work as on https), with fetch
 * allowed for its own files. Not `bypassCSP`: the page gets the Content-Security-Policy header like any other.
 * Not `corsEnabled`: no other origin can read from it. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves app://orbdeck/ from the built renderer in `root`, with the security headers (core/app-protocol.ts). */
export function serveAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await appResponse(root, request.method, request.url);
    return new Response(answer.body ? new Uint8Array(answer.body) : null, {
      status: answer.status,
      headers: answer.headers,
    });
  });
}

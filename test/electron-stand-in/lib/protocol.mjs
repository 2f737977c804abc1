// protocol and net. Chromium here cannot be taught a new scheme, and Playwright's request interception never sees
// one (an app:// navigation is handed to the OS and aborted), so a privileged scheme is mapped onto a local
// origin that Chromium treats as secure: app://orbdeck/index.html is loaded as
// http://orbdeck.app.localhost/index.html, every request to it is intercepted (chromium.mjs) and answered by
// the handler the app registered with protocol.handle, and every URL the app sees (webContents.getURL,
// senderFrame.url, will-navigate, the handler's Request) is the app:// one. Only the page's own `location`
// shows the mapped address.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireReady, standIn } from './state.mjs';

/** @type {Map<string, object>} scheme → privileges given to registerSchemesAsPrivileged */
const privileged = new Map();
/** @type {Map<string, (request: Request) => Response | Promise<Response>>} */
const handlers = new Map();
const MAPPED = /^http:\/\/([^/]+)\.([a-z][a-z0-9+.-]*)\.localhost(?::\d+)?(\/[^]*)?$/i;

export const protocol = {
  registerSchemesAsPrivileged(customSchemes) {
    // https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes
    if (standIn.ready)
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges = {} } of customSchemes) privileged.set(scheme, privileges);
  },
  handle(scheme, handler) {
    sessionReady();
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    if (!privileged.get(scheme)?.standard)
      process.stderr.write(
        `[electron-stand-in] ${scheme}: is not registered as a standard scheme; it is served as one here, ` +
          'so relative URLs and origins may differ from Electron\n',
      );
    handlers.set(scheme, handler);
  },
  unhandle(scheme) {
    sessionReady();
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    sessionReady();
    return handlers.has(scheme) || ['http', 'https', 'file', 'data', 'about', 'blob'].includes(scheme);
  },
};

function sessionReady() {
  // The protocol module is session.defaultSession.protocol, which does not exist before `ready`.
  requireReady('Session can only be received when app is ready');
}

/** The URL Chromium loads for an app URL (app://host/path → http://host.app.localhost/path), or the URL itself. */
export function toBrowserUrl(url) {
  const parsed = safeUrl(url);
  if (!parsed || !handlers.has(parsed.protocol.slice(0, -1))) return url;
  const scheme = parsed.protocol.slice(0, -1);
  return `http://${parsed.host || 'localhost'}.${scheme}.localhost${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The URL the app sees for a URL Chromium has (the reverse of toBrowserUrl); about:blank before any load. */
export function toAppUrl(url) {
  const match = MAPPED.exec(url);
  if (!match || !(handlers.has(match[2]) || privileged.has(match[2]))) return url;
  return `${match[2]}://${match[1]}${match[3] ?? '/'}`;
}

/** The handler for a Chromium URL, when it is a mapped app URL. */
export function handlerFor(browserUrl) {
  const match = MAPPED.exec(browserUrl);
  return match ? (handlers.get(match[2]) ?? null) : null;
}

function safeUrl(url) {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const MIME = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.cjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
};

export const net = {
  /**
   * https://www.electronjs.org/docs/latest/api/net#netfetchinput-init: Chromium's network stack, which also
   * reads file: URLs. Guess: a file: response is 200 with the Content-Type Chromium's file loader derives from
   * the extension, and a missing file rejects with net::ERR_FILE_NOT_FOUND.
   */
  async fetch(input, init = {}) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const scheme = url.slice(0, url.indexOf(':'));
    if (scheme === 'file') {
      const path = fileURLToPath(url);
      const info = await stat(path).catch(() => null);
      if (!info || info.isDirectory()) throw new Error(`net::ERR_FILE_NOT_FOUND`);
      const body = await readFile(path);
      const type = MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, {
        status: 200,
        headers: { 'content-type': type, 'content-length': String(body.length) },
      });
    }
    const handler = handlers.get(scheme);
    if (handler && !init.bypassCustomProtocolHandlers) {
      const request = input instanceof Request ? input : new Request(url, init);
      return handler(request);
    }
    return globalThis.fetch(input, init);
  },
  isOnline: () => true,
  get online() {
    return true;
  },
};

/**
 * The `app://orbdeck/` scheme the Electron window loads the renderer from (instead of file://): which URL maps
 * to which file of the built renderer, and the response, headers included. Plain Node, so all of it is tested
 * without Electron; electron/desktop/protocol.ts only registers it.
 */
// `fs.promises` looked up at call time: in Electron these calls are patched to read inside app.asar.
import { promises as fsp } from 'node:fs';
import {
  refused,
  resolveRendererFile,
  SECURITY_HEADERS,
  type RendererFile,
} from '../core/platform/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'orbdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The renderer's one page. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The app's own page (with any #fragment): the only page that may be navigated to, call the core over IPC or
 * receive its events. An exact comparison: Chromium hands us canonical URLs.
 */
export function isAppUrl(url: string): boolean {
  return url.split('#')[0] === APP_INDEX_URL;
}

/**
 * Maps an app:// URL to a file inside `root` (the built renderer). Refused, with a reason: another host, a port
 * or credentials, and whatever the renderer's one path rule refuses (renderer-files.ts).
 */
export async function resolveAppFile(root: string, url: string): Promise<RendererFile> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(400, 'not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refused(404, 'not this app');
  if (parsed.username !== '' || parsed.password !== '') return refused(404, 'credentials');
  return resolveRendererFile(root, parsed.pathname);
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The whole answer to one app:// request; every answer carries the renderer's security headers. */
export async function appResponse(root: string, method: string, url: string): Promise<AppResponse> {
  const text = (status: number, message: string): AppResponse => ({
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: Buffer.from(`${message}\n`),
  });
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Method not allowed');
  const found = await resolveAppFile(root, url);
  if (!found.ok) return text(found.status, found.status === 400 ? 'Bad request' : 'Not found');
  const body = await fsp.readFile(found.file).catch(() => null);
  if (!body) return text(404, 'Not found');
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType },
    body: method === 'HEAD' ? null : body,
  };
}

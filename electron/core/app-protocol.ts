/**
 * The `app://orbdeck/` scheme the Electron window loads the renderer from (instead of file://): which URL maps
 * to which file of the built renderer, and the response, headers included. Plain Node, so all of it is tested
 * without Electron; electron/protocol.ts only registers it.
 */
// `fs.promises` looked up at call time: in Electron these calls are patched to read inside app.asar.
import { promises as fsp } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { SECURITY_HEADERS } from './headless/static-files';

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

/** What the renderer is built of; anything else (source maps included) is not served. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type AppFile =
  { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404; reason: string };

const refused = (status: 400 | 404, reason: string): AppFile => ({ ok: false, status, reason });

/**
 * Maps an app:// URL to a file inside `root` (the built renderer). Refused, with a reason: another host, a port
 * or credentials, bad percent-encoding, NUL, empty, `.` or `..` segments (also when encoded), backslashes,
 * hidden files, types the renderer is not built of, and anything whose real path (symlinks resolved) is not
 * inside the real `root`.
 */
export async function resolveAppFile(root: string, url: string): Promise<AppFile> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(400, 'not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refused(404, 'not this app');
  if (parsed.username !== '' || parsed.password !== '') return refused(404, 'credentials');
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return refused(400, 'bad percent-encoding');
  }
  if (path.includes('\0')) return refused(400, 'NUL in path');
  if (path.includes('\\')) return refused(404, 'backslash in path');
  const segments = path.split('/').slice(1);
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return refused(404, 'dot or empty segment');
    if (segment.startsWith('.')) return refused(404, 'hidden file');
  }
  const contentType = MIME[extname(path).toLowerCase()];
  if (!contentType) return refused(404, 'not a renderer file type');
  const file = join(root, ...segments);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return refused(404, 'outside the renderer');
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([fsp.realpath(file), fsp.realpath(root)]);
  } catch {
    return refused(404, 'no such file');
  }
  if (!real.startsWith(realRoot + sep)) return refused(404, 'link out of the renderer');
  const info = await fsp.stat(real).catch(() => null);
  if (!info?.isFile()) return refused(404, 'not a file');
  return { ok: true, file: real, contentType };
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** The whole answer to one app:// request; every answer carries the headless host's security headers. */
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

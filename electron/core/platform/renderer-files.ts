/**
 * The built renderer as both windows load it: the Electron window over app://orbdeck/ (app-protocol.ts), the
 * headless host over http://127.0.0.1 (headless/static-files.ts). One rule for which file a request's path
 * names and one set of response headers, so the two ways in never differ in what they hand out.
 */
// `fs.promises` looked up at call time: in Electron these calls are patched to read inside app.asar.
import { promises as fsp } from 'node:fs';
import { extname, join, sep } from 'node:path';

/** The page may load only its own scripts, styles and images, and talk only to where it came from. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** What the renderer is built of; anything else (source maps included) is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

export type RendererFile =
  | { ok: true; file: string; size: number; contentType: string }
  | { ok: false; status: 400 | 404; reason: string };

export const refused = (status: 400 | 404, reason: string): RendererFile => ({ ok: false, status, reason });

/**
 * Maps a request's path, still percent-encoded as it came ("/assets/index-1.js"), to a file inside `root` (the
 * built renderer). Refused, with a reason: bad percent-encoding, NUL, empty, `.` or `..` segments (also when
 * encoded), backslashes, hidden files, types the renderer is not built of, and anything whose real path
 * (symlinks resolved) is not inside the real `root`.
 */
export async function resolveRendererFile(root: string, encodedPath: string): Promise<RendererFile> {
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
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
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
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
  return { ok: true, file: real, size: info.size, contentType };
}

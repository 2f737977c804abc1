import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveRendererFile, SECURITY_HEADERS } from '../core/platform/renderer-files';

/** Serves the built renderer from `root`; never a file outside it. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    return send(res, 400, 'Bad request');
  }
  // The same rule as the Electron window's app:// scheme: only the renderer's own files, never a link out.
  const found = await resolveRendererFile(root, pathname === '/' ? '/index.html' : pathname);
  if (!found.ok) return send(res, found.status, found.status === 400 ? 'Bad request' : 'Not found');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': found.contentType,
    'Content-Length': String(found.size),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(found.file).pipe(res);
}

export function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

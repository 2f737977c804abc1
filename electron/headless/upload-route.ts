import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from './static-files';
import { UploadTooLarge, type UploadStore } from './uploads';

/**
 * POST /upload?token=…&name=…[&beside=…]: a dropped file, stored by `uploads`. `refusal` is the access check's status
 * line (or null). Every refusal is answered before the body is read, and the connection is then closed, so a
 * client cannot make the host read (or keep) what it refused.
 */
export async function receiveUpload(
  req: IncomingMessage,
  res: ServerResponse,
  uploads: UploadStore | null | undefined,
  refusal: string | null,
): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'Uploads are sent with POST.');
  if (refusal) return refuse(res, Number(refusal.slice(0, 3)), refusal.slice(4));
  if (!uploads) return refuse(res, 404, 'Uploads are not accepted here.');
  const length = req.headers['content-length'];
  if (length === undefined || !/^\d+$/.test(length))
    return refuse(res, 411, 'The upload must say its size (Content-Length).');
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  const name = params.get('name') ?? 'upload';
  // An export's checksum or manifest goes beside that export's upload (`beside`: the path it was given).
  const beside = params.get('beside') ?? undefined;
  try {
    const result = await uploads.receive(req, name, Number(length), beside);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(result));
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The upload failed.';
    if (error instanceof UploadTooLarge) return refuse(res, 413, message);
    if (!res.headersSent) send(res, 400, message);
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.setHeader('Connection', 'close');
  send(res, status, message);
}

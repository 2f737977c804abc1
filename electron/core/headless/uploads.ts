import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, ErrorCode } from '../../../shared/errors';

/**
 * Files a browser dropped on the headless host's window. A browser cannot tell us a file's path, so it uploads
 * the file into a private folder here; import and push then work from that copy, which is deleted when the
 * job ends (or when the user abandons it, or at the next start).
 */
export class UploadStore {
  private readonly issued = new Set<string>();

  /** Starts empty: whatever an earlier run left behind is removed. */
  constructor(private readonly dir: string) {
    rmSync(dir, { recursive: true, force: true });
  }

  async receive(body: Readable, fileName: string, maxBytes: number): Promise<{ path: string; size: number }> {
    const folder = join(this.dir, randomBytes(8).toString('hex'));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, safeFileName(fileName));
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes)
        body.destroy(new AppError(ErrorCode.INVALID_INPUT, `The file is larger than ${maxBytes} bytes.`));
    });
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600 }));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error instanceof AppError
        ? error
        : new AppError(ErrorCode.INVALID_INPUT, 'The upload was interrupted.');
    }
    this.issued.add(path);
    return { path, size };
  }

  isUpload(path: string): boolean {
    return this.issued.has(path);
  }

  /** Deletes an uploaded file (and its private folder). Paths it did not issue are left alone. */
  release(path: string): void {
    if (!this.issued.delete(path)) return;
    const folder = dirname(path);
    if (folder.startsWith(this.dir + sep)) void rm(folder, { recursive: true, force: true });
  }
}

/** The last path component, without anything that could climb out of the folder; spaces and quotes stay. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\0/]/g, '').slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'upload' : base;
}

import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, ErrorCode } from '../../shared/errors';

export interface UploadStoreOptions {
  /** Machine exports are big; this is a sanity bound, not a quota. */
  maxBytes?: number;
  /** An upload no job took is deleted after this long. */
  ttlMs?: number;
  /** Bytes the upload folder's disk can still take (tests stand in for `statfs`). */
  freeBytes?: (dir: string) => Promise<number>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 256 * 1024 ** 3;
/** The files that may travel with an export (docs/verified-exports.md): its checksum and its manifest. */
export const SIDECAR_SUFFIXES = ['.sha256', '.manifest.json'] as const;
/** A checksum is one line and a manifest a few hundred bytes: anything bigger is not one. */
const MAX_SIDECAR_BYTES = 64 * 1024;
const DEFAULT_TTL_MS = 60 * 60 * 1000;
/** Left free on the disk, so the data folder (history, settings, logs) can still be written. */
const HEADROOM_BYTES = 256 * 1024 ** 2;

/** Refused before a byte of the body was read: too big for the limit or for the disk (HTTP 413). */
export class UploadTooLarge extends AppError {
  constructor(message: string) {
    super(ErrorCode.INVALID_INPUT, message);
  }
}

/**
 * Files a browser dropped on the headless host's window. A browser cannot tell us a file's path, so it uploads
 * the file into a private folder here; import and push then work from that copy, which is deleted when the
 * job ends, when the user abandons it, when nobody took it within the time to live, or at the next start.
 */
export class UploadStore {
  /** Issued paths; each one's expiry timer, or null once a job holds it. */
  private readonly issued = new Map<string, NodeJS.Timeout | null>();
  /** Bytes promised to uploads still arriving, so two at once cannot both count on the same free space. */
  private reserved = 0;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly freeBytes: (dir: string) => Promise<number>;

  /** Starts empty: whatever an earlier run left behind is removed. */
  constructor(
    private readonly dir: string,
    options: UploadStoreOptions = {},
  ) {
    rmSync(dir, { recursive: true, force: true });
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.freeBytes = options.freeBytes ?? diskFree;
  }

  /**
   * Stores `size` bytes from `body` as `fileName`. Refuses with UploadTooLarge, before reading anything, a
   * size over the limit or over the disk's free space.
   */
  async receive(
    body: Readable,
    fileName: string,
    size: number,
    beside?: string,
  ): Promise<{ path: string; size: number }> {
    if (beside !== undefined) return this.receiveSidecar(body, fileName, size, beside);
    if (size > this.maxBytes)
      throw new UploadTooLarge(
        `The file is ${bytes(size)}; the host takes files up to ${bytes(this.maxBytes)}.`,
      );
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const free = (await this.freeBytes(this.dir)) - this.reserved - HEADROOM_BYTES;
    if (size > free)
      throw new UploadTooLarge(
        `The file is ${bytes(size)} but the disk holding OrbDeck's data has room for only ${bytes(Math.max(0, free))}.`,
      );
    this.reserved += size;
    try {
      const path = await this.write(body, fileName, size);
      this.issued.set(path, this.expiry(path));
      return { path, size };
    } finally {
      this.reserved -= size;
    }
  }

  isUpload(path: string): boolean {
    return this.issued.has(path);
  }

  /** A job works from this upload: it is no longer deleted for age, only by `release`. */
  hold(path: string): void {
    const timer = this.issued.get(path);
    if (timer) clearTimeout(timer);
    if (timer !== undefined) this.issued.set(path, null);
  }

  /** Deletes an uploaded file (and its private folder). Paths it did not issue are left alone. */
  release(path: string): void {
    const timer = this.issued.get(path);
    if (timer === undefined) return;
    if (timer) clearTimeout(timer);
    this.issued.delete(path);
    const folder = dirname(path);
    if (folder.startsWith(this.dir + sep)) void rm(folder, { recursive: true, force: true });
  }

  /**
   * An export's checksum or manifest, sent with it: stored beside the upload `beside` (under the upload's own
   * name and the sidecar's suffix), where the import preview and the check look for it, and deleted with it.
   * Only a small file with one of those suffixes, beside an upload this store issued, is taken.
   */
  private async receiveSidecar(
    body: Readable,
    fileName: string,
    size: number,
    beside: string,
  ): Promise<{ path: string; size: number }> {
    const suffix = SIDECAR_SUFFIXES.find((s) => fileName.endsWith(s));
    if (!this.issued.has(beside))
      throw new AppError(ErrorCode.INVALID_INPUT, 'There is no upload to put this file beside.');
    if (!suffix)
      throw new AppError(
        ErrorCode.INVALID_INPUT,
        `Only ${SIDECAR_SUFFIXES.join(' or ')} files go beside an export.`,
      );
    if (size > MAX_SIDECAR_BYTES)
      throw new UploadTooLarge(
        `${bytes(size)} is too big for a checksum or manifest (at most ${bytes(MAX_SIDECAR_BYTES)}).`,
      );
    const path = beside + suffix;
    await this.writeAt(body, path, size);
    return { path, size };
  }

  private expiry(path: string): NodeJS.Timeout {
    return setTimeout(() => this.release(path), this.ttlMs).unref();
  }

  private async write(body: Readable, fileName: string, size: number): Promise<string> {
    const folder = join(this.dir, randomBytes(8).toString('hex'));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const path = join(folder, safeFileName(fileName));
    try {
      await this.writeAt(body, path, size);
      return path;
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Writes exactly `size` bytes of `body` to `path` (a new file), or nothing. */
  private async writeAt(body: Readable, path: string, size: number): Promise<void> {
    let received = 0;
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > size)
        body.destroy(new AppError(ErrorCode.INVALID_INPUT, 'The file is longer than declared.'));
    });
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600 }));
      if (received !== size) throw new AppError(ErrorCode.INVALID_INPUT, 'The upload was interrupted.');
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof AppError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError(
        ErrorCode.INVALID_INPUT,
        code === 'ENOSPC' ? "The disk holding OrbDeck's data is full." : 'The upload was interrupted.',
      );
    }
  }
}

async function diskFree(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}

function bytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** Most file systems allow 255 bytes (not characters) in a name. */
export const MAX_NAME_BYTES = 255;

/**
 * Control characters (newlines included), line separators and the bidirectional controls that make a shown
 * name read differently from what it is (`invoice\u202Efdp.exe` displays as `invoiceexe.pdf`).
 */
const HIDDEN = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The last path component, without anything that could climb out of the folder or disguise the name, cut to
 * MAX_NAME_BYTES of UTF-8 (keeping a short extension); spaces and quotes stay.
 */
export function safeFileName(name: string): string {
  const base = basename(name.replace(HIDDEN, '').replace(/\\/g, '/')).replace(/\//g, '');
  const safe = base === '' || base === '.' || base === '..' ? 'upload' : base;
  return Buffer.byteLength(safe) <= MAX_NAME_BYTES ? safe : shorten(safe);
}

function shorten(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && Buffer.byteLength(name.slice(dot)) <= 32 ? name.slice(dot) : '';
  let stem = '';
  let room = MAX_NAME_BYTES - Buffer.byteLength(ext);
  for (const char of name.slice(0, name.length - ext.length)) {
    room -= Buffer.byteLength(char);
    if (room < 0) break;
    stem += char;
  }
  return stem + ext;
}

/**
 * SHA-256 of export files. `GrowingFileHasher` hashes a file while another process writes it, reading only the
 * bytes added since the last look, so a finished export has its checksum without being read again. The
 * `.sha256` file beside an export uses the `sha256sum` format (`<hex>  <base name>`), which
 * `shasum -a 256 -c` checks on any Mac.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** Read in slices of this size, so a big jump in the file's size never needs a big buffer. */
const CHUNK = 1 << 20;

export class GrowingFileHasher {
  private hash: Hash = createHash('sha256');
  private handle: FileHandle | null = null;
  private ino = -1;
  private done = 0;
  private busy: Promise<void> = Promise.resolve();
  /** Times the file was replaced or shrank under us and hashing began again (only tests look). */
  restarts = 0;

  constructor(private readonly path: string) {}

  /** Hashes whatever was appended since the last call; calls queue, so ticks never overlap. */
  catchUp(): Promise<void> {
    const next = this.busy.then(() => this.read());
    this.busy = next.catch(() => undefined);
    return next;
  }

  /** Reads the rest and answers the checksum of the whole file as it is now. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    try {
      await this.catchUp();
      return { sha256: this.hash.digest('hex'), bytes: this.done };
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  get bytesHashed(): number {
    return this.done;
  }

  private async read(): Promise<void> {
    const now = await stat(this.path).catch(() => null);
    if (!now) return;
    // A writer that replaced the file (a new inode) or truncated it invalidates what was hashed: start again.
    if (now.ino !== this.ino || now.size < this.done) await this.restart(now.ino);
    const handle = this.handle!;
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, this.done);
      if (bytesRead === 0) return;
      this.hash.update(buffer.subarray(0, bytesRead));
      this.done += bytesRead;
    }
  }

  private async restart(ino: number): Promise<void> {
    if (this.ino !== -1) this.restarts++;
    await this.close();
    this.handle = await open(this.path, 'r');
    this.ino = ino;
    this.hash = createHash('sha256');
    this.done = 0;
  }
}

/** Hashes a whole file, reporting the bytes read so far; stops with an AbortError when `signal` aborts. */
export async function hashFile(
  path: string,
  options: { signal?: AbortSignal; onProgress?: (bytesDone: number) => void } = {},
): Promise<{ sha256: string; bytes: number }> {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    let done = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, done);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
      options.onProgress?.(done);
    }
    return { sha256: hash.digest('hex'), bytes: done };
  } finally {
    await handle.close();
  }
}

/** One line in `sha256sum` format: the hex digest, two spaces (text mode), the file's base name. */
export function checksumLine(sha256: string, baseName: string): string {
  return `${sha256}  ${baseName}\n`;
}

const LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;

/**
 * The digest a `.sha256` file gives for `baseName`, or null when it names no such file. Accepts what
 * `sha256sum` and `shasum -a 256` write (text or binary marker, any number of lines).
 */
export function digestFor(text: string, baseName: string): string | null {
  for (const raw of text.split(/\r?\n/)) {
    const match = LINE.exec(raw.trim() === '' ? '' : raw.replace(/\r$/, ''));
    if (!match) continue;
    const named = match[2]!.replace(/^\.\//, '');
    if (named === baseName) return match[1]!.toLowerCase();
  }
  return null;
}

/**
 * Writing OrbDeck's own files in the data folder (settings, history, the journal of running jobs) so that a
 * full disk or a read-only folder never crashes the app and never leaves a half-written file under a real
 * name. Every write goes through `FileWriter`, the seam tests use to inject failures they cannot cause for
 * real (a read-only folder as root).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileWriter {
  /** Appends `text` (creating the file and its folder); throws the system error. */
  append(file: string, text: string): void;
  /** Replaces `file` with `text` all at once: a fresh temp file, flushed, renamed over it; throws. */
  replace(file: string, text: string): void;
  /** Removes `file` if it is there; throws the system error. */
  remove(file: string): void;
}

/** Private data: new files are readable by the user only. */
const FILE_MODE = 0o600;

export const realWriter: FileWriter = {
  append(file, text) {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a', FILE_MODE);
    const size = fstatSync(fd).size;
    try {
      writeAll(fd, Buffer.from(text));
    } catch (error) {
      // A full disk can take part of the text: cut it off again, so the file ends where it ended.
      try {
        ftruncateSync(fd, size);
      } catch {
        // The caller starts its retry on a fresh line.
      }
      throw error;
    } finally {
      closeSync(fd);
    }
  },
  replace(file, text) {
    mkdirSync(dirname(file), { recursive: true });
    // A random name opened exclusively: never follows something planted there, never collides with another
    // writer, and is removed whatever goes wrong (the finding: an empty settings.json.<pid>.tmp left behind).
    const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
      fd = openSync(temp, 'wx', FILE_MODE);
      writeAll(fd, Buffer.from(text));
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, file);
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
  },
  remove(file) {
    rmSync(file, { force: true });
  },
};

function writeAll(fd: number, data: Buffer): void {
  for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
}

/** Why a file could not be written, in words that end a sentence: "the disk is full". */
export function storageProblem(error: unknown): string {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  // mkdir over a file that stands where the folder should be.
  if (code === 'EEXIST' && syscall === 'mkdir') return 'the data folder is missing or is not a folder';
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the data folder is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'OrbDeck may not write to the data folder';
    case 'ENOTDIR':
    case 'ENOENT':
      return 'the data folder is missing or is not a folder';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A name beside `file` that nothing uses yet: `settings.json.bad-20261201-101500` (then `-2`, `-3`, …). */
export function freeSideName(
  file: string,
  tag: string,
  exists: (path: string) => boolean,
  now = new Date(),
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const base = `${file}.${tag}-${stamp}`;
  if (!exists(base)) return base;
  for (let n = 2; ; n++) if (!exists(`${base}-${n}`)) return `${base}-${n}`;
}

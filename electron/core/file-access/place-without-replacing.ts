/**
 * Moving a finished file (or folder) into place under a name nothing holds, for the writers that must never
 * replace what they did not agree to replace (an export, a copy out of a machine).
 */
import { link, lstat, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { statOrNull } from './paths';

/** `name (2).ext`: the number goes before the first of `suffixes` that the name ends with, else its last extension. */
export function numberedName(path: string, n: number, suffixes: readonly string[] = []): string {
  if (n === 1) return path;
  const name = basename(path);
  const known = suffixes.find((s) => name.endsWith(s) && name.length > s.length);
  const dot = name.lastIndexOf('.');
  const suffix = known ?? (dot > 0 ? name.slice(dot) : '');
  return join(dirname(path), `${name.slice(0, name.length - suffix.length)} (${n})${suffix}`);
}

/**
 * Gives `partial` the name `path`, or the first free numbered variant of it, never replacing anything. A hard
 * link is refused by the file system when the name is taken, so checking and naming are one step; where links
 * are not supported (exFAT and FAT drives, and folders everywhere), a check right before the rename has to do.
 */
export async function placeWithoutReplacing(
  partial: string,
  path: string,
  suffixes: readonly string[] = [],
): Promise<string> {
  const folder = (await statOrNull(partial))?.isDirectory() ?? false;
  for (let n = 1; n < 1000; n++) {
    const candidate = numberedName(path, n, suffixes);
    if (folder) {
      if (await lstatOrNull(candidate)) continue;
      await rename(partial, candidate);
      return candidate;
    }
    try {
      await link(partial, candidate);
      await unlink(partial);
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (await lstatOrNull(candidate)) continue;
      await rename(partial, candidate);
      return candidate;
    }
  }
  throw new AppError(ErrorCode.ALREADY_EXISTS, `No free name beside '${path}'.`);
}

const lstatOrNull = (path: string) => lstat(path).catch(() => null);

/**
 * Where a copy out of a machine (Copy File from Machine…) lands on this computer. Only a regular file is ever
 * replaced, only after the person agreed to replace exactly the file the question named, and only if it is
 * still that file when the copy is complete: one rename then puts the copy in its place, so the old file stays
 * whole until the new one is. A folder, a link or anything else standing at the target is refused, never
 * replaced. The copy's files are made plain documents (0644, 0600 where the machine's file was private).
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, opendir, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { checkWritableFolder, invalidPath } from '../file-access/paths';
import { identityOf, sameFile, type FileIdentity } from '../file-access/file-identity';
import { placeWithoutReplacing } from '../file-access/place-without-replacing';

/** Items counted in a folder standing at the target before the count says "more than". */
const COUNT_LIMIT = 10_000;

export interface PullTarget {
  readonly path: string;
  /** The hidden name beside the target that orbctl writes the copy to. */
  readonly partial: string;
  /** The file the person agreed to replace, as it was when they agreed; null when the name was free. */
  readonly replacing: FileIdentity | null;
}

export interface Placed {
  path: string;
  /** Set when the copy did not land where asked, saying why. */
  note?: string;
}

/**
 * Checks `path` as the place for a copy. A free name is taken; a regular file only with `overwrite`
 * (ALREADY_EXISTS otherwise, its message naming the file, its size and when it changed, for the question);
 * anything else is refused with words that say what is there.
 */
export async function checkPullTarget(path: string, overwrite: boolean, field = 'path'): Promise<PullTarget> {
  const name = basename(path);
  if (name.startsWith('.orbdeck-') || name.endsWith('.orbdeck-partial')) {
    throw invalidPath(`'${name}' is a name OrbDeck keeps for copies in progress.`, field, path);
  }
  const st = await lstat(path).catch(() => null);
  if (st && !st.isFile()) throw invalidPath(await refusalFor(path, st), field, path);
  if (st && !overwrite) {
    throw new AppError(ErrorCode.ALREADY_EXISTS, `${describeFile(path, st)} is already there.`, {
      field,
      notes: [path],
    });
  }
  await checkWritableFolder(dirname(path), field, path);
  const partial = join(dirname(path), `.${name}.${randomBytes(4).toString('hex')}.orbdeck-partial`);
  return { path, partial, replacing: st ? identityOf(st) : null };
}

/**
 * Moves the finished copy into place (see the module comment). When the file the person agreed to replace
 * changed meanwhile, a file or folder appeared at a free name, or the copy is a folder where a file stood, the
 * copy is saved under a free name beside it and the note says why.
 */
export async function placePulled(target: PullTarget): Promise<Placed> {
  const { path, partial, replacing } = target;
  const copy = await lstat(partial);
  await settleModes(partial, copy);
  const now = await lstat(path).catch(() => null);
  if (replacing && copy.isFile() && now?.isFile() && sameFile(identityOf(now), replacing)) {
    await rename(partial, path);
    return { path };
  }
  const landed = await placeWithoutReplacing(partial, path);
  if (landed === path) return { path };
  const what = copy.isDirectory() ? 'the copy is a folder' : 'the copy';
  const why = !replacing
    ? `something named '${basename(path)}' appeared while copying`
    : !copy.isFile()
      ? `${what}, and OrbDeck replaces a file only with a file`
      : `'${basename(path)}' changed while copying`;
  return {
    path: landed,
    note: `${why[0]!.toUpperCase()}${why.slice(1)}, so nothing was replaced: the copy was saved as '${basename(landed)}'.`,
  };
}

/** "The file 'notes.txt' (12,345 bytes, changed 3 Dec 2026, 10:15)". */
function describeFile(path: string, st: Stats): string {
  const when = new Date(st.mtimeMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const size = st.size === 1 ? '1 byte' : `${st.size.toLocaleString('en-US')} bytes`;
  return `The file '${basename(path)}' (${size}, changed ${when})`;
}

/** Why something that is not a regular file is not replaced, naming what it is. */
async function refusalFor(path: string, st: Stats): Promise<string> {
  const name = basename(path);
  const choose = 'OrbDeck replaces only a file, and only with a file: choose another name.';
  if (st.isDirectory()) return `'${name}' is a folder with ${await itemCount(path)}. ${choose}`;
  const kind = st.isSymbolicLink()
    ? 'a link'
    : st.isFIFO()
      ? 'a named pipe'
      : st.isSocket()
        ? 'a socket'
        : 'a device';
  return `'${name}' is ${kind}, not a file. ${choose}`;
}

async function itemCount(folder: string): Promise<string> {
  let n = 0;
  try {
    // Leaving the loop early closes the folder.
    for await (const _entry of await opendir(folder)) {
      if (++n > COUNT_LIMIT) return `more than ${COUNT_LIMIT.toLocaleString('en-US')} items`;
    }
  } catch {
    return 'items OrbDeck cannot count';
  }
  return n === 1 ? '1 item' : `${n.toLocaleString('en-US')} items`;
}

/**
 * A copy keeps no mode the machine gave it: files become 0644 (0600 when no one but the owner could read the
 * machine's file), folders 0755 (0700), and nothing is executable. Links inside a copied folder are left alone.
 */
async function settleModes(path: string, st: Stats): Promise<void> {
  const isPrivate = (st.mode & 0o044) === 0;
  if (st.isFile()) {
    await chmod(path, isPrivate ? 0o600 : 0o644);
    return;
  }
  if (!st.isDirectory()) return;
  await chmod(path, isPrivate ? 0o700 : 0o755);
  for await (const entry of await opendir(path)) {
    const child = join(path, entry.name);
    if (entry.isFile() || entry.isDirectory()) await settleModes(child, await lstat(child));
  }
}

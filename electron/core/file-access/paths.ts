/**
 * File checks before orbctl sees a path: paths must be absolute (orbctl resolves relative ones against its own
 * working folder, which for an app is not what the user meant), and what must exist and be readable is checked
 * here so the user gets a message naming the path instead of orbctl's inner OS text. A file that is missing,
 * unreadable or not a regular file gets one and the same message, so these checks cannot be used to learn which
 * files exist on the Mac.
 */
import { constants, type Stats } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { absolutePathProblem } from '../../../shared/paths';

export function invalidPath(message: string, field: string, path?: string): AppError {
  return new AppError('INVALID_INPUT', message, path === undefined ? { field } : { field, notes: [path] });
}

/** `p` checked by the shared rule (shared/paths.ts) and normalised (`/a/../b` is `/b`). */
export function absolutePath(p: string, field: string): string {
  const problem = absolutePathProblem(typeof p === 'string' ? p : '');
  if (problem) throw invalidPath(problem, field);
  return resolve(p);
}

/** Null when nothing is there or it cannot be looked at. */
export async function statOrNull(path: string): Promise<Stats | null> {
  return stat(path).catch(() => null);
}

export async function canAccess(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Where `path` really is, symbolic links resolved (of its folder when it does not exist yet). */
export async function realLocation(path: string): Promise<string> {
  const full = await realpath(path).catch(() => null);
  if (full) return full;
  const folder = await realpath(dirname(path)).catch(() => dirname(path));
  return join(folder, path.slice(dirname(path).length + 1));
}

/** An existing, regular, readable file (import source, cloud-init file). Returns its absolute path and size. */
export async function checkReadableFile(p: string, field: string): Promise<{ path: string; size: number }> {
  const path = absolutePath(p, field);
  const st = await statOrNull(path);
  if (!st?.isFile() || !(await canAccess(path, constants.R_OK))) {
    throw invalidPath(`There is no file at '${path}' that OrbDeck can read.`, field, path);
  }
  return { path, size: Number(st.size) };
}

/** Something that exists and is readable (a `push` source: file or folder). */
export async function checkReadablePath(p: string, field: string): Promise<string> {
  const path = absolutePath(p, field);
  const st = await statOrNull(path);
  if (!st || !(st.isFile() || st.isDirectory()) || !(await canAccess(path, constants.R_OK))) {
    throw invalidPath(`There is nothing at '${path}' that OrbDeck can read.`, field, path);
  }
  return path;
}

/** An existing, readable folder (a folder of exports to import). Returns its absolute path. */
export async function checkReadableFolder(p: string, field: string): Promise<string> {
  const path = absolutePath(p, field);
  const st = await statOrNull(path);
  if (!st?.isDirectory() || !(await canAccess(path, constants.R_OK | constants.X_OK))) {
    throw invalidPath(`There is no folder at '${path}' that OrbDeck can read.`, field, path);
  }
  return path;
}

/** A folder that exists and where OrbDeck may create files (an export's destination). */
export async function checkWritableFolder(folder: string, field: string, path: string): Promise<void> {
  const dir = await statOrNull(folder);
  if (!dir) throw invalidPath(`The folder '${folder}' does not exist.`, field, path);
  if (!dir.isDirectory()) throw invalidPath(`'${folder}' is not a folder.`, field, path);
  if (!(await canAccess(folder, constants.W_OK | constants.X_OK))) {
    throw invalidPath(`OrbDeck is not allowed to write in '${folder}'.`, field, path);
  }
}

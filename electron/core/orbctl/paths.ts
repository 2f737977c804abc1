/**
 * File checks before orbctl sees a path: paths are made absolute (orbctl resolves relative ones against its own
 * working folder, which for an app is not what the user meant), and what must exist, be readable or writable is
 * checked here so the user gets a message naming the path instead of orbctl's inner OS text.
 */
import { constants } from 'node:fs';
import { access, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';

export interface PathContext {
  cwd: string;
  home: string;
}

function invalid(message: string, field: string, path?: string): AppError {
  return new AppError('INVALID_INPUT', message, path === undefined ? { field } : { field, notes: [path] });
}

/** Absolute path for `p`: `~` expands to the home folder, relative paths resolve against `cwd`. */
export function absolutePath(p: string, ctx: PathContext, field: string): string {
  if (typeof p !== 'string' || p.trim() === '') throw invalid('Choose a file.', field);
  if (p.includes('\0')) throw invalid('A path cannot contain a NUL character.', field);
  if (p === '~') return ctx.home;
  if (p.startsWith('~/')) return join(ctx.home, p.slice(2));
  return isAbsolute(p) ? resolve(p) : resolve(ctx.cwd, p);
}

/** Null when nothing is there; a typed error when the path cannot even be looked at. */
async function statOrNull(path: string, field: string): Promise<Awaited<ReturnType<typeof stat>> | null> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw invalid(`OrbDeck cannot look at '${path}' (${code ?? 'error'}).`, field, path);
  }
}

async function canAccess(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** An existing, regular, readable file (import source, cloud-init file). Returns its absolute path and size. */
export async function checkReadableFile(
  p: string,
  ctx: PathContext,
  field: string,
): Promise<{ path: string; size: number }> {
  const path = absolutePath(p, ctx, field);
  const st = await statOrNull(path, field);
  if (!st) throw invalid(`There is no file at '${path}'.`, field, path);
  if (st.isDirectory()) throw invalid(`'${path}' is a folder, not a file.`, field, path);
  if (!st.isFile()) throw invalid(`'${path}' is not a regular file.`, field, path);
  if (!(await canAccess(path, constants.R_OK))) {
    throw invalid(`OrbDeck is not allowed to read '${path}'.`, field, path);
  }
  return { path, size: Number(st.size) };
}

/** Something that exists and is readable (a `push` source: file or folder). */
export async function checkReadablePath(p: string, ctx: PathContext, field: string): Promise<string> {
  const path = absolutePath(p, ctx, field);
  const st = await statOrNull(path, field);
  if (!st) throw invalid(`There is nothing at '${path}'.`, field, path);
  if (!(await canAccess(path, constants.R_OK))) {
    throw invalid(`OrbDeck is not allowed to read '${path}'.`, field, path);
  }
  return path;
}

/**
 * Where an export will be written: not a folder, in a folder that exists and is writable. An existing file is
 * refused unless `overwrite` (orbctl would silently truncate it; the UI asks first).
 */
export async function checkExportTarget(
  p: string,
  ctx: PathContext,
  field: string,
  overwrite: boolean,
): Promise<string> {
  const path = absolutePath(p, ctx, field);
  const st = await statOrNull(path, field);
  if (st?.isDirectory()) throw invalid(`'${path}' is a folder; choose a file name inside it.`, field, path);
  if (st && !st.isFile()) throw invalid(`'${path}' is not a regular file.`, field, path);
  if (st && !overwrite) {
    throw new AppError('ALREADY_EXISTS', `A file already exists at '${path}'.`, { field, notes: [path] });
  }
  const folder = dirname(path);
  const dir = await statOrNull(folder, field);
  if (!dir) throw invalid(`The folder '${folder}' does not exist.`, field, path);
  if (!dir.isDirectory()) throw invalid(`'${folder}' is not a folder.`, field, path);
  if (!(await canAccess(folder, constants.W_OK | constants.X_OK))) {
    throw invalid(`OrbDeck is not allowed to write in '${folder}'.`, field, path);
  }
  if (st && !(await canAccess(path, constants.W_OK))) {
    throw invalid(`OrbDeck is not allowed to replace '${path}'.`, field, path);
  }
  return path;
}

/** After a cancelled or timed-out export: remove what this export wrote (never an older file it did not touch). */
export async function removePartialExport(
  path: string,
  existedBefore: boolean,
  startedAt: number,
  error: AppError,
): Promise<void> {
  const st = await stat(path).catch(() => null);
  // mtime can be a second coarse: an untouched older file is older than that.
  if (!st || (existedBefore && st.mtimeMs < startedAt - 1000)) return;
  try {
    await rm(path, { force: true });
    if (error.detail) (error.detail.notes ??= []).push(`partial file removed: ${path}`);
  } catch {
    // Leave it; the job layer re-reads what is there.
  }
}

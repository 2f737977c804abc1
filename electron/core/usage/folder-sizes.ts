/**
 * `du -x -k -d 1 -- PATH` prints `KIB<TAB>PATH` per subfolder and last the folder itself (GNU and busybox
 * alike). The answer lists the largest subfolders first; what du could not read makes the sizes "partial".
 */
import { AppError, ErrorCode } from '../../../shared/errors';
import { LARGEST_FOLDERS, type FolderSizes } from '../../../shared/usage';
import { quote } from './proc-figures';

export function parseFolderSizes(path: string, stdout: string, stderr: string, at: number): FolderSizes {
  const rows: Array<{ path: string; bytes: number }> = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\d+)\s+(.+)$/.exec(line.trimEnd());
    if (m) rows.push({ path: m[2]!, bytes: Number(m[1]) * 1024 });
  }
  const base = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const self = rows.find((r) => r.path === base || r.path === path);
  if (!self) {
    const said = stderr.trim() || stdout.trim();
    throw new AppError(
      ErrorCode.BAD_OUTPUT,
      said ? `du could not measure ${path}: ${quote(said).slice(1, -1)}` : `du printed no size for ${path}.`,
      { stdout: stdout.slice(0, 2000), stderr: stderr.slice(0, 2000) },
    );
  }
  const folders = rows.filter((r) => r !== self).sort((a, b) => b.bytes - a.bytes);
  return {
    path: base,
    at,
    totalBytes: self.bytes,
    folders: folders.slice(0, LARGEST_FOLDERS),
    more: Math.max(0, folders.length - LARGEST_FOLDERS),
    partial: stderr.trim() !== '',
  };
}

/**
 * The root filesystem's use from `df -Pk /` (POSIX output: GNU coreutils and busybox print the same columns,
 * `Filesystem 1024-blocks Used Available Capacity Mounted on`) and whether `/` is mounted read-only, from
 * `/proc/mounts` (the kernel's `device mountpoint type options …`; the last line for `/` is the one in force).
 */
import type { FilesystemFigures, Figure } from '../../../shared/usage';
import { missing, ok, quote } from './proc-figures';

export function parseDf(df: string, mounts: string | null): Figure<FilesystemFigures> {
  const lines = df.split('\n').filter((l) => l.trim() !== '');
  const header = lines.findIndex((l) => /^Filesystem\s/.test(l));
  if (header < 0) return missing(`df printed no table: ${quote(df)}`);
  const block = /(\d+)(K?)-blocks/i.exec(lines[header]!);
  const unit = block ? Number(block[1]) * (block[2] ? 1024 : 1) : 1024;
  // A long device name may sit on a line of its own, its figures on the next: read the row from the end.
  const words = lines
    .slice(header + 1)
    .join(' ')
    .trim()
    .split(/\s+/);
  if (words.length < 6) return missing(`df printed no row for /: ${quote(df)}`);
  const [total, used, free, capacity, mount] = words.slice(-5) as [string, string, string, string, string];
  if (![total, used, free].every((n) => /^\d+$/.test(n)))
    return missing(`df’s row for / is not numbers: ${quote(lines.slice(header + 1).join(' '))}`);
  const totalBytes = Number(total) * unit;
  const usedBytes = Number(used) * unit;
  const freeBytes = Number(free) * unit;
  // df rounds its capacity up; "-" when the filesystem has no blocks to count.
  const percent = /^(\d+)%$/.exec(capacity);
  const usedPercent = percent
    ? Number(percent[1])
    : usedBytes + freeBytes > 0
      ? Math.ceil((usedBytes / (usedBytes + freeBytes)) * 100)
      : 0;
  return ok({ mount, totalBytes, usedBytes, freeBytes, usedPercent, readOnly: readOnlyRoot(mounts) });
}

/** True/false from the options of the last `/` line of /proc/mounts; null when there is none to read. */
export function readOnlyRoot(mounts: string | null): boolean | null {
  if (mounts === null) return null;
  const root = mounts
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 4 && f[1] === '/')
    .pop();
  if (!root) return null;
  const options = root[3]!.split(',');
  return options.includes('ro') ? true : options.includes('rw') ? false : null;
}

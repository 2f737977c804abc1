/**
 * Reading the small files that travel with exports (`.sha256`, `.manifest.json`, `orbdeck-index.json`). Folders
 * of exports come from anywhere (another Mac, a USB stick, a tar), so such a file is read only when it is a
 * regular file no bigger than its kind ever is, and within a deadline: a named pipe would otherwise hold a
 * thread of Node's file pool for good (and with a few of them every file operation of the core waits), and a
 * file of hundreds of megabytes would be read whole into memory. Anything else is skipped, with the reason.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** The most each kind of file may hold: what OrbDeck writes is far smaller (a checksum line is 80 bytes). */
export const SIDECAR_MAX_BYTES = {
  checksum: 16 * 1024,
  manifest: 64 * 1024,
  // 1,000 entries (the index's own limit) of a few hundred bytes each.
  index: 1024 * 1024,
} as const;

/** How long reading one of them may take (a local file takes well under a millisecond). */
export const SIDECAR_DEADLINE_MS = 2000;

export type SidecarKind = keyof typeof SIDECAR_MAX_BYTES;

export type SidecarRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** `note` is a sentence for people: which file was skipped, and why. */
  | { kind: 'skipped'; note: string };

/** Reads the sidecar at `path` as text, or says why not (see the module comment). Never throws. */
export function readSidecar(
  path: string,
  kind: SidecarKind,
  deadlineMs = SIDECAR_DEADLINE_MS,
): Promise<SidecarRead> {
  const skipped = (why: string): SidecarRead => ({
    kind: 'skipped',
    note: `'${basename(path)}' was skipped: ${why}.`,
  });
  return withinDeadline(readBounded(path, SIDECAR_MAX_BYTES[kind], skipped), deadlineMs, () =>
    skipped(`it could not be read within ${deadlineMs / 1000} s`),
  );
}

/** What `work` answers, or `late()` once `ms` have passed without an answer (the work itself goes on). */
export async function withinDeadline<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function readBounded(
  path: string,
  maxBytes: number,
  skipped: (why: string) => SidecarRead,
): Promise<SidecarRead> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return skipped(`it could not be read (${code ?? 'error'})`);
  }
  const problem = shapeProblem(st, maxBytes);
  if (problem) return skipped(problem);
  // Non-blocking, so a file swapped for a pipe after the look above cannot hold the open; checked again below.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(
    (error: NodeJS.ErrnoException) => error.code ?? 'error',
  );
  if (typeof handle === 'string') return skipped(`it could not be read (${handle})`);
  try {
    const again = shapeProblem(await handle.stat(), maxBytes);
    if (again) return skipped(again);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return skipped(`it is larger than ${maxBytes.toLocaleString('en-US')} bytes`);
    }
    return { kind: 'text', text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return skipped(`it could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function shapeProblem(st: Stats, maxBytes: number): string | null {
  if (!st.isFile()) {
    const what = st.isDirectory()
      ? 'a folder'
      : st.isFIFO()
        ? 'a named pipe'
        : st.isSocket()
          ? 'a socket'
          : 'a device';
    return `it is ${what}, not a regular file`;
  }
  if (st.size > maxBytes) {
    return `it is ${st.size.toLocaleString('en-US')} bytes, more than such a file ever holds (${maxBytes.toLocaleString('en-US')})`;
  }
  return null;
}

/** The text of a sidecar, or null; a skipped one adds its sentence to `notes`. */
export async function sidecarText(path: string, kind: SidecarKind, notes: string[]): Promise<string | null> {
  const read = await readSidecar(path, kind);
  if (read.kind === 'skipped') notes.push(read.note);
  return read.kind === 'text' ? read.text : null;
}

/**
 * The checksum and manifest files beside an export, written with the care of the export itself
 * (files/export-target.ts): a private hidden partial file first, then one step into place. A file already
 * standing under a sidecar's name is replaced only when it is itself a checksum or manifest for that name
 * (left by an earlier export of the same name, which the new export has just replaced); anything else is kept
 * and the export says why it has no sidecar.
 */
import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportManifest } from '../../../shared/ipc/types';
import { checksumLine, digestFor } from '../export-file/checksum';
import { CHECKSUM_SUFFIX, MANIFEST_SUFFIX, manifestText, parseManifest } from '../export-file/manifest';
import { readSidecar, type SidecarKind } from '../export-file/sidecar-file';

export interface SidecarResult {
  written: string[];
  /** Sentences about sidecars that could not be written. */
  notes: string[];
}

/** Writes `<export>.sha256` and `<export>.manifest.json` beside `exportPath`. Never throws. */
export async function writeSidecars(exportPath: string, manifest: ExportManifest): Promise<SidecarResult> {
  const base = basename(exportPath);
  const result: SidecarResult = { written: [], notes: [] };
  const sidecars = [
    {
      path: exportPath + CHECKSUM_SUFFIX,
      text: checksumLine(manifest.sha256, base),
      ours: (text: string) => digestFor(text, base) !== null,
      kind: 'checksum' as const,
    },
    {
      path: exportPath + MANIFEST_SUFFIX,
      text: manifestText(manifest),
      ours: (text: string) => parseManifest(text)?.file === base,
      kind: 'manifest' as const,
    },
  ];
  // Both at once (each waits for its own fsync); told in the order above.
  const placed = await Promise.all(
    sidecars.map((sidecar) =>
      placeFile(sidecar.path, sidecar.text, sidecar.ours, sidecar.kind).catch(
        (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      ),
    ),
  );
  sidecars.forEach((sidecar, i) => {
    const outcome = placed[i];
    if (outcome === true) result.written.push(sidecar.path);
    else if (outcome === false)
      result.notes.push(
        `'${basename(sidecar.path)}' already exists and is not OrbDeck's, so it was kept and not replaced.`,
      );
    else result.notes.push(`'${basename(sidecar.path)}' could not be written (${outcome}).`);
  });
  return result;
}

/**
 * Writes `text` at `path` through a private partial file; true when it is there, false when a foreign file holds
 * the name (`ours` says whether a file standing there, read as a sidecar of `kind`, may be replaced).
 */
export async function placeFile(
  path: string,
  text: string,
  ours: (text: string) => boolean,
  kind: SidecarKind,
): Promise<boolean> {
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  const handle = await open(partial, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // A hard link fails when the name is taken, so checking and naming are one step.
    await link(partial, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    const read = await readSidecar(path, kind);
    const existing = read.kind === 'text' ? read.text : null;
    // Taken but unreadable (or not a regular file of a sidecar's size), or taken by a file of another kind: kept.
    if (existing === null ? code === 'EEXIST' || read.kind === 'skipped' : !ours(existing)) return false;
    await rename(partial, path);
    return true;
  } finally {
    await unlink(partial).catch(() => rm(partial, { force: true }));
  }
}

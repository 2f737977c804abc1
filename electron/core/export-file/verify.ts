/**
 * Checking an export against the checksum beside it: the quick look the import preview takes (is there one,
 * and does the manifest's size already disagree?) and the full check that reads the whole file.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  ChecksumPresence,
  ChecksumVerdict,
  ExportCheck,
  ExportManifest,
} from '../../../shared/ipc/types';
import { digestFor, hashFile } from './checksum';
import { CHECKSUM_SUFFIX, MANIFEST_SUFFIX, parseManifest } from './manifest';
import { sidecarText } from './sidecar-file';

/** The words for each verdict, shown by the import preview and by Verify Export alike. */
export const VERDICT_MESSAGES: Record<ChecksumVerdict, string> = {
  verified: 'Verified: matches its checksum.',
  mismatch: 'Does not match its checksum: the file changed or is damaged.',
  missing: 'No checksum beside it.',
  writing: 'The file is still being written by an export; check it when the export has finished.',
};

interface Expected {
  sha256: string;
  manifest?: ExportManifest;
}

/**
 * The digest the `.sha256` file (else the manifest) gives for `path`, or null; `skipped` holds a sentence for
 * each of them that was there but not read (sidecar-file.ts).
 */
async function expectedFor(path: string, skipped: string[] = []): Promise<Expected | null> {
  const base = basename(path);
  const manifestText = await sidecarText(path + MANIFEST_SUFFIX, 'manifest', skipped);
  const parsed = manifestText === null ? null : parseManifest(manifestText);
  const manifest = parsed && parsed.file === base ? parsed : undefined;
  const sumText = await sidecarText(path + CHECKSUM_SUFFIX, 'checksum', skipped);
  const sha256 = (sumText === null ? null : digestFor(sumText, base)) ?? manifest?.sha256;
  if (!sha256) return null;
  return manifest ? { sha256, manifest } : { sha256 };
}

/**
 * What the import preview says before anything is read in full. A checksum file that is there but was skipped
 * counts as present: the full check (`verifyExport`) then says which file was skipped and why.
 */
export async function checksumPresence(path: string, size: number): Promise<ChecksumPresence> {
  const skipped: string[] = [];
  const expected = await expectedFor(path, skipped);
  if (!expected) return skipped.length > 0 ? 'present' : 'missing';
  if (expected.manifest && expected.manifest.size !== size) return 'mismatch';
  return 'present';
}

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** True while an export is still writing this path. */
  stillWriting?: boolean;
}

/** Reads the whole file and compares it with its checksum. */
export async function verifyExport(path: string, options: VerifyOptions = {}): Promise<ExportCheck> {
  const { size } = await stat(path);
  const verdict = (v: ChecksumVerdict, extra: Partial<ExportCheck> = {}): ExportCheck => ({
    path,
    verdict: v,
    message: VERDICT_MESSAGES[v],
    bytes: size,
    ...extra,
  });
  if (options.stillWriting) return verdict('writing');
  const skipped: string[] = [];
  const expected = await expectedFor(path, skipped);
  if (!expected) {
    return skipped.length === 0
      ? verdict('missing')
      : verdict('missing', { message: `No checksum OrbDeck could use: ${skipped.join(' ')}` });
  }
  const known = {
    expected: expected.sha256,
    ...(expected.manifest ? { manifest: expected.manifest } : {}),
  };
  // A size that differs from the manifest's proves the damage without reading gigabytes.
  if (expected.manifest && expected.manifest.size !== size) return verdict('mismatch', known);
  const { sha256 } = await hashFile(path, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done) => options.onProgress?.(done, size),
  });
  return verdict(sha256 === expected.sha256 ? 'verified' : 'mismatch', { ...known, actual: sha256 });
}

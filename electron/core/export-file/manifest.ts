/**
 * The small manifest OrbDeck writes beside every export (`<file>.manifest.json`): what machine it holds and the
 * checksum of the file, readable by people and by OrbDeck on another Mac.
 */
import { z } from 'zod';
import type { ExportManifest } from '../../../shared/ipc/types';
import { shownTextProblem } from '../../../shared/shown-text';

export const MANIFEST_SUFFIX = '.manifest.json';
export const CHECKSUM_SUFFIX = '.sha256';

/** Text Verify Export shows: plain, as people will read it (shared/shown-text.ts). */
const shown = z
  .string()
  .refine((s) => shownTextProblem(s) === null, 'holds characters that change how it reads');

export const manifestSchema = z.looseObject({
  format: z.literal('orbdeck-export-manifest'),
  version: z.literal(1),
  file: shown,
  machine: shown,
  distro: shown,
  distroVersion: shown,
  arch: shown,
  orbstackVersion: shown.nullable(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  exportedAt: z.string(),
}) satisfies z.ZodType<ExportManifest>;

export function manifestText(manifest: ExportManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** `text` as JSON that `schema` accepts, or null (not JSON, or a file of another kind under the name). */
export function parseJsonAs<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The manifest in `text`, or null when it is not one (a file of another kind with that name). */
export const parseManifest = (text: string): ExportManifest | null => parseJsonAs(manifestSchema, text);

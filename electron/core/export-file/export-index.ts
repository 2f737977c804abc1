/**
 * The index "Export for a New Mac…" writes beside its exports (`orbdeck-index.json`): every machine meant to be
 * in the folder, with its checksum once exported. The other Mac reads it to say what is missing
 * (docs/verified-exports.md, "A folder for a new Mac").
 */
import { z } from 'zod';
import type { ExportIndex } from '../../../shared/ipc/types';
import { parseJsonAs } from './manifest';
import { shownTextProblem } from '../../../shared/shown-text';

export const INDEX_FILE = 'orbdeck-index.json';
/** More entries than a folder of exports could sensibly hold: refused rather than read. */
const MAX_ENTRIES = 1000;

/** Text the import dialog shows (a machine, a distro, why an export failed): plain, as people will read it. */
const shown = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => shownTextProblem(s) === null, 'holds characters that change how it reads');

const baseName = shown(255)
  .min(1)
  .refine((s) => !s.includes('/') && s !== '.' && s !== '..' && !s.startsWith('.'), 'not a file name');

export const indexSchema = z.looseObject({
  format: z.literal('orbdeck-export-index'),
  version: z.literal(1),
  updatedAt: z.string(),
  machines: z
    .array(
      z.looseObject({
        machine: shown(255),
        file: baseName,
        distro: shown(64),
        distroVersion: shown(64),
        arch: shown(32),
        state: z.enum(['exporting', 'exported', 'failed']),
        size: z.number().int().nonnegative().optional(),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        reason: shown(2000).optional(),
      }),
    )
    .max(MAX_ENTRIES),
}) satisfies z.ZodType<ExportIndex>;

export function indexText(index: ExportIndex): string {
  return JSON.stringify(index, null, 2) + '\n';
}

/** The index in `text`, or null when it is not one. */
export const parseIndex = (text: string): ExportIndex | null => parseJsonAs(indexSchema, text);

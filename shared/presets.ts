/**
 * Presets, the New Machine form saved under a name (distro, version, architecture, user, cloud-init
 * content, isolated, limits). One schema for the data folder's presets.json, the IPC requests and the JSON file
 * people share; every field is checked by the same shared rules as the form (machine-options.ts, names.ts).
 */
import { z } from 'zod';
import {
  architecture,
  cpuCount,
  diskSize,
  distroWord,
  imageVersion,
  linuxUser,
  memorySize,
  shownText,
} from './ipc/schemas';
import { MAX_CLOUD_INIT_CHARS } from './machine-options';

export const MAX_PRESET_NAME_LENGTH = 64;
export const MAX_PRESETS = 200;

export const presetId = z.string().regex(/^preset-[a-z0-9-]{1,64}$/, 'not a preset id');

/** What a preset holds, without its id. */
export const PRESET_FIELDS = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Give the preset a name.')
      .max(MAX_PRESET_NAME_LENGTH, `A preset name has at most ${MAX_PRESET_NAME_LENGTH} characters.`)
      .pipe(shownText('A preset name')),
    distro: distroWord,
    version: imageVersion.optional(),
    arch: architecture.optional(),
    user: linuxUser.optional(),
    cloudInit: z
      .string()
      .max(MAX_CLOUD_INIT_CHARS, `Cloud-init content is at most ${MAX_CLOUD_INIT_CHARS / 1024} KiB.`)
      .optional(),
    isolated: z.boolean().optional(),
    cpus: cpuCount.optional(),
    memory: memorySize.optional(),
    disk: diskSize.optional(),
  })
  .strict();

export const PRESET = PRESET_FIELDS.extend({ id: presetId }).strict();
export type PresetFields = z.output<typeof PRESET_FIELDS>;
export type Preset = z.output<typeof PRESET>;
/** A preset of a shared file, before it is imported; `replaces` when one of that name exists. */
export type PresetPreview = PresetFields & { replaces: boolean };
/** What a request carries (before the rules narrowed it). */
export type PresetInput = z.input<typeof PRESET_FIELDS>;

/** The file people share: `{ "orbdeck": "presets", "version": 1, "presets": [...] }`. */
export const PRESETS_FILE = z
  .object({
    orbdeck: z.literal('presets', { message: 'This is not an OrbDeck presets file.' }),
    version: z.literal(1, { message: 'This presets file is from a newer OrbDeck.' }),
    presets: z.array(z.unknown()).max(MAX_PRESETS, `At most ${MAX_PRESETS} presets.`),
  })
  .strict();

export function presetsDocument(presets: readonly Preset[]): string {
  const list = presets.map(({ id: _id, ...fields }) => fields);
  return `${JSON.stringify({ orbdeck: 'presets', version: 1, presets: list }, null, 2)}\n`;
}

/** `presets[2].memory` for an issue's path, as people read it. */
function where(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    '',
  );
}

/**
 * Reads a shared presets file: every preset in it checked on its own, each problem named by its place
 * (`presets[1].memory: …`). Either all presets are good or nothing is taken.
 */
export function parsePresetsFile(text: string): { presets: PresetFields[]; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { presets: [], problems: [`The file is not JSON: ${(error as Error).message}`] };
  }
  const doc = PRESETS_FILE.safeParse(raw);
  if (!doc.success) {
    return { presets: [], problems: doc.error.issues.map((i) => `${where(i.path) || 'file'}: ${i.message}`) };
  }
  const presets: PresetFields[] = [];
  const problems: string[] = [];
  doc.data.presets.forEach((entry, i) => {
    const parsed = PRESET_FIELDS.safeParse(entry);
    if (parsed.success) presets.push(parsed.data);
    else
      problems.push(
        ...parsed.error.issues.map((issue) => `${where(['presets', i, ...issue.path])}: ${issue.message}`),
      );
  });
  return { presets: problems.length > 0 ? [] : presets, problems };
}

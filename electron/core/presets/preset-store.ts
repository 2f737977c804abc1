/**
 * Presets in the data folder (presets.json), in the order they were made. Each preset in it is checked
 * on its own; a damaged file, or one with presets left out, is kept beside it and said once (data-file.ts). A
 * write that fails is an error the window shows, so a preset the person saved is never silently gone.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/errors';
import { MAX_PRESETS, PRESET, type Preset, type PresetFields } from '../../../shared/presets';
import { count, readDataFile, type DataFileContent } from '../platform/data-file';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';

const FILE = z.object({ presets: z.array(z.unknown()) });

export class PresetStore {
  private presets: Preset[] = [];
  /** Set when the file could not be read as it was (what was set aside, and where it is kept). */
  readonly loadProblem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly writer: FileWriter = realWriter,
  ) {
    const read = readDataFile(file, 'the presets', readPresets, writer, presetsText);
    this.presets = read.value ?? [];
    this.loadProblem = read.problem;
  }

  list(): Preset[] {
    return this.presets.map((p) => ({ ...p }));
  }

  get(id: string): Preset {
    const preset = this.presets.find((p) => p.id === id);
    if (!preset) throw new AppError(ErrorCode.NOT_FOUND, 'That preset no longer exists.', { field: 'id' });
    return { ...preset };
  }

  /** Adds a preset, or replaces the one with `id`. */
  save(fields: PresetFields, id?: string): Preset {
    const preset: Preset = { ...fields, id: id ?? newId() };
    const at = this.presets.findIndex((p) => p.id === preset.id);
    if (id !== undefined && at === -1) this.get(id);
    if (at === -1 && this.presets.length >= MAX_PRESETS) {
      throw new AppError(ErrorCode.INVALID_INPUT, `OrbDeck keeps at most ${MAX_PRESETS} presets.`);
    }
    const next = [...this.presets];
    if (at === -1) next.push(preset);
    else next[at] = preset;
    this.write(next);
    return { ...preset };
  }

  /** Adds several (an imported file); one with the name of an existing preset replaces it. */
  addAll(list: readonly PresetFields[]): { added: number; replaced: number } {
    const next = [...this.presets];
    let replaced = 0;
    for (const fields of list) {
      const at = next.findIndex((p) => p.name === fields.name);
      if (at === -1) next.push({ ...fields, id: newId() });
      else {
        next[at] = { ...fields, id: next[at]!.id };
        replaced++;
      }
    }
    if (next.length > MAX_PRESETS) {
      throw new AppError(ErrorCode.INVALID_INPUT, `OrbDeck keeps at most ${MAX_PRESETS} presets.`);
    }
    this.write(next);
    return { added: list.length - replaced, replaced };
  }

  delete(id: string): void {
    this.get(id);
    this.write(this.presets.filter((p) => p.id !== id));
  }

  private write(next: Preset[]): void {
    try {
      this.writer.replace(this.file, presetsText(next));
    } catch (error) {
      throw new AppError(ErrorCode.INTERNAL, `The presets could not be saved: ${storageProblem(error)}.`);
    }
    this.presets = next;
  }
}

const presetsText = (presets: Preset[]) => `${JSON.stringify({ presets }, null, 2)}\n`;

/** The presets in presets.json: each checked on its own, at most MAX_PRESETS, one per id. */
function readPresets(raw: unknown): DataFileContent<Preset[]> | null {
  const doc = FILE.safeParse(raw);
  if (!doc.success) return null;
  const presets: Preset[] = [];
  let bad = 0;
  for (const entry of doc.data.presets) {
    const parsed = PRESET.safeParse(entry);
    if (!parsed.success || presets.some((p) => p.id === parsed.data.id)) bad++;
    else presets.push(parsed.data);
  }
  const leftOut: string[] = [];
  if (bad > 0) leftOut.push(`${count(bad, 'preset')} with a bad or repeated field`);
  if (presets.length > MAX_PRESETS) {
    leftOut.push(`${count(presets.length - MAX_PRESETS, 'preset')} past the ${MAX_PRESETS} OrbDeck keeps`);
  }
  return { value: presets.slice(0, MAX_PRESETS), leftOut };
}

function newId(): string {
  return `preset-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

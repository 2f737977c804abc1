/**
 * Presets in the data folder (presets.json), in the order they were made. A damaged file is set aside
 * (presets.json.bad-<time>) rather than lost, and each preset in it is checked on its own; a write that fails is
 * an error the window shows, so a preset the person saved is never silently gone.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/errors';
import { MAX_PRESETS, PRESET, type Preset, type PresetFields } from '../../../shared/presets';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';

const FILE = z.object({ presets: z.array(z.unknown()) });

export class PresetStore {
  private presets: Preset[] = [];
  /** Set when the file could not be read as it was (it was set aside). */
  readonly loadProblem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly writer: FileWriter = realWriter,
  ) {
    if (!existsSync(file)) return;
    try {
      const doc = FILE.parse(JSON.parse(readFileSync(file, 'utf8')));
      for (const entry of doc.presets) {
        const parsed = PRESET.safeParse(entry);
        if (parsed.success) this.presets.push(parsed.data);
      }
    } catch (error) {
      const aside = `${file}.bad-${Date.now()}`;
      try {
        renameSync(file, aside);
      } catch {
        // Left where it is; the next save replaces it.
      }
      this.loadProblem = `presets.json could not be read (${(error as Error).message}); it was set aside as ${aside}`;
    }
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
      this.writer.replace(this.file, `${JSON.stringify({ presets: next }, null, 2)}\n`);
    } catch (error) {
      throw new AppError(ErrorCode.INTERNAL, `The presets could not be saved: ${storageProblem(error)}.`);
    }
    this.presets = next;
  }
}

function newId(): string {
  return `preset-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

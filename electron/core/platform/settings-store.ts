import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AppError, ErrorCode } from '../../../shared/errors';

import {
  DEFAULT_SETTINGS,
  SETTINGS_PATCH,
  SETTINGS_SCHEMA,
  type Settings,
  type SettingsPatch,
} from '../../../shared/ipc/settings';
import type { EventHub } from './events';
import type { Notices } from './notices';
import { copyAside, moveAside } from './data-file';
import { realWriter, storageProblem, type FileWriter } from './storage';

export interface SettingsOptions {
  /** Where the user hears about a damaged file set aside, or settings that cannot be saved. */
  notices?: Notices;
  writer?: FileWriter;
  /** How often a failed save is tried again until it works (space may return without any change being made). */
  retryMs?: number;
}

const RETRY_MS = 10_000;

const SAVE_PROBLEM = 'settings-save';

/**
 * Settings in one JSON file. A damaged file is set aside under a name nothing else uses
 * (settings.json.bad-<time>) rather than lost, and the defaults are used; each field is checked on its own so
 * one bad value does not reset the others. Either repair is told to the user once.
 *
 * Saving never loses a change: when the file cannot be written (full disk, read-only folder), the new values
 * still apply, the user is told (the notice stays until they are saved), and saving is tried again every few
 * seconds, at the next change and at quit until it works.
 */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>();
  /** Set when the file on disk could not be read as it was. */
  readonly loadProblem: string | null = null;
  /** Why the last save failed; null once the file holds the current values. */
  private unsaved: string | null = null;
  private readonly notices: Notices | undefined;
  private readonly writer: FileWriter;
  private readonly retryMs: number;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly events?: EventHub,
    options: SettingsOptions = {},
  ) {
    this.notices = options.notices;
    this.writer = options.writer ?? realWriter;
    this.retryMs = options.retryMs ?? RETRY_MS;
    const { settings, problem } = readSettings(file, this.writer);
    this.current = settings;
    this.loadProblem = problem;
    if (problem) this.notices?.add('warning', `Settings: ${problem}.`);
  }

  get(): Settings {
    return { ...this.current };
  }

  /** Why the settings on disk are not the current ones, or null. */
  saveProblem(): string | null {
    return this.unsaved;
  }

  set(patch: SettingsPatch): Settings {
    const parsed = SETTINGS_PATCH.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || '(settings)';
      throw new AppError(ErrorCode.INVALID_INPUT, `Invalid ${field}: ${issue?.message ?? 'invalid'}.`, {
        field,
      });
    }
    const previous = this.current;
    const next = { ...previous, ...stripUndefined(parsed.data) };
    // Every export sets the folder it went to, mostly the same one. A set that changes nothing
    // writes nothing (an fsync on the main thread) and tells no window, unless an earlier save failed.
    if (this.unsaved === null && isDeepStrictEqual(next, previous)) return this.get();
    this.current = next;
    this.save();
    for (const listener of [...this.listeners]) listener(this.get(), previous);
    this.events?.emit('settings:changed', this.get());
    return this.get();
  }

  /** Writes values a failed save left only in memory, and stops trying again (app shutdown). */
  flush(): void {
    if (this.unsaved !== null) this.save();
    clearInterval(this.retry);
    this.retry = undefined;
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private save(): void {
    try {
      this.writer.replace(this.file, JSON.stringify(this.current, null, 2) + '\n');
    } catch (error) {
      this.unsaved = storageProblem(error);
      this.notices?.add(
        'warning',
        `Settings could not be saved: ${this.unsaved}. The changes apply until OrbDeck quits; ` +
          'saving is tried again every few seconds until it works.',
        SAVE_PROBLEM,
      );
      // Space may come back without the person changing anything: look again until the file is written.
      if (this.retry === undefined) {
        this.retry = setInterval(() => this.save(), this.retryMs);
        this.retry.unref();
      }
      return;
    }
    clearInterval(this.retry);
    this.retry = undefined;
    if (this.unsaved === null) return;
    this.unsaved = null;
    this.notices?.resolve(SAVE_PROBLEM);
    this.notices?.add('info', 'Settings are saved again.');
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Reads the file, keeping what can be kept. `problem` is a sentence for the user when anything was reset;
 * the file as it was is then kept beside it (moved when unreadable, copied when some values were refused,
 * since the next save replaces it).
 */
export function readSettings(
  file: string,
  writer: FileWriter = realWriter,
): { settings: Settings; problem: string | null } {
  if (!existsSync(file)) return { settings: { ...DEFAULT_SETTINGS }, problem: null };
  const name = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: `${name} could not be read (${storageProblem(error)}), so the defaults are used`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: `${name} was not valid JSON (${error instanceof Error ? error.message : String(error)}), so the defaults are used; ${moveAside(file)}`,
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: `${name} did not hold settings, so the defaults are used; ${moveAside(file)}`,
    };
  }
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const refused: string[] = [];
  const shape = SETTINGS_SCHEMA.shape;
  for (const key of Object.keys(shape) as Array<keyof Settings>) {
    if (!(key in raw)) continue;
    const result = shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (result.success) (settings as Record<string, unknown>)[key] = result.data;
    else refused.push(key);
  }
  if (refused.length === 0) return { settings, problem: null };
  return {
    settings,
    problem:
      `ignored bad values for ${refused.join(', ')} (reset to their defaults); ` +
      copyAside(file, text, writer),
  };
}

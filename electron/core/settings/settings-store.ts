import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { IpcEvent } from '../../../shared/ipc/channels';
import {
  DEFAULT_SETTINGS,
  SETTINGS_PATCH,
  SETTINGS_SCHEMA,
  type Settings,
  type SettingsPatch,
} from '../../../shared/ipc/settings';
import type { EventHub } from '../events';

/**
 * Settings in one JSON file. A damaged file is set aside (settings.json.bad) rather than lost, and the
 * defaults are used; each field is checked on its own so one bad value does not reset the others.
 */
export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(settings: Settings, previous: Settings) => void>();
  /** Set when the file on disk could not be read as it was. */
  readonly loadProblem: string | null = null;

  constructor(
    private readonly file: string,
    private readonly events?: EventHub,
  ) {
    const { settings, problem } = readSettings(file);
    this.current = settings;
    this.loadProblem = problem;
  }

  get(): Settings {
    return { ...this.current };
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
    this.current = { ...previous, ...stripUndefined(parsed.data) };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.current, null, 2) + '\n');
    renameSync(temp, this.file);
    for (const listener of [...this.listeners]) listener(this.get(), previous);
    this.events?.emit(IpcEvent.settingsChanged, this.get());
    return this.get();
  }

  onChange(listener: (settings: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function readSettings(file: string): { settings: Settings; problem: string | null } {
  if (!existsSync(file)) return { settings: { ...DEFAULT_SETTINGS }, problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    setAside(file);
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: `settings.json was not valid JSON (${String(error)}); kept as settings.json.bad`,
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    setAside(file);
    return {
      settings: { ...DEFAULT_SETTINGS },
      problem: 'settings.json did not hold an object; kept as settings.json.bad',
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
  return { settings, problem: refused.length ? `ignored bad values for ${refused.join(', ')}` : null };
}

function setAside(file: string): void {
  try {
    renameSync(file, `${file}.bad`);
  } catch {
    // Nothing more we can do; the defaults apply.
  }
}

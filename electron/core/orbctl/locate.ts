/**
 * Finding the orbctl binary, and the PATH its process gets. Pure: the environment, home folder, saved setting
 * and file probe are injected, so every branch is testable without touching the real disk.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { AppError } from '../../../shared/errors';

/** What a path turned out to be. */
export type FileProbe = 'executable' | 'missing' | 'not-a-file' | 'not-executable';

export type OrbctlSource = 'env' | 'setting' | 'search';

export interface LocateInput {
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  /** The user's saved "orbctl location" setting, if any. */
  savedPath?: string | null | undefined;
  probe?: (path: string) => FileProbe;
}

export interface LocatedOrbctl {
  path: string;
  source: OrbctlSource;
}

export const ORBCTL_ENV_VAR = 'ORBDECK_ORBCTL';

/**
 * Where OrbStack installs orbctl (`~/.orbstack/bin` always, `/usr/local/bin` with admin rights) and where
 * Homebrew puts things. Apps started from Finder get a minimal PATH, so these are searched and prepended.
 */
export function extraBinDirs(home: string): string[] {
  return [join(home, '.orbstack', 'bin'), '/usr/local/bin', '/opt/homebrew/bin'];
}

export function probeFile(path: string): FileProbe {
  try {
    if (!statSync(path).isFile()) return 'not-a-file';
  } catch {
    return 'missing';
  }
  try {
    accessSync(path, constants.X_OK);
    return 'executable';
  } catch {
    return 'not-executable';
  }
}

const PROBLEM_WORDS: Record<Exclude<FileProbe, 'executable'>, string> = {
  missing: 'does not exist',
  'not-a-file': 'is not a file',
  'not-executable': 'is not executable',
};

/** Candidate paths in search order: each PATH entry, then the known install folders. */
export function searchCandidates(env: LocateInput['env'], home: string): string[] {
  const dirs = (env.PATH ?? '')
    .split(delimiter)
    // Relative PATH entries would make the result depend on the app's working folder: skip them.
    .filter((dir) => dir !== '' && isAbsolute(dir));
  return [...new Set([...dirs, ...extraBinDirs(home)])].map((dir) => join(dir, 'orbctl'));
}

/**
 * `ORBDECK_ORBCTL`, then the saved setting, then PATH and the known folders. An explicit path (env or setting)
 * that is unusable is an error naming it: falling back silently could run a different orbctl than asked for.
 */
export function locateOrbctl(input: LocateInput): LocatedOrbctl {
  const probe = input.probe ?? probeFile;
  const explicit: [OrbctlSource, string, string][] = [];
  const fromEnv = input.env[ORBCTL_ENV_VAR];
  if (fromEnv) explicit.push(['env', fromEnv, `the ${ORBCTL_ENV_VAR} environment variable`]);
  else if (input.savedPath) explicit.push(['setting', input.savedPath, 'the orbctl location in Settings']);

  for (const [source, path, origin] of explicit) {
    if (!isAbsolute(path)) {
      throw new AppError(
        'NOT_INSTALLED',
        `The orbctl path '${path}' from ${origin} is not an absolute path.`,
        {
          notes: [`${origin}: ${path}`],
        },
      );
    }
    const found = probe(path);
    if (found !== 'executable') {
      throw new AppError(
        'NOT_INSTALLED',
        `The orbctl path '${path}' from ${origin} ${PROBLEM_WORDS[found]}.`,
        {
          notes: [`${origin}: ${path}`],
        },
      );
    }
    return { path, source };
  }

  const candidates = searchCandidates(input.env, input.home);
  for (const candidate of candidates) {
    if (probe(candidate) === 'executable') return { path: candidate, source: 'search' };
  }
  throw new AppError(
    'NOT_INSTALLED',
    'orbctl was not found. Is OrbStack installed? You can also choose where orbctl is in Settings.',
    { notes: candidates.map((c) => `searched: ${c}`) },
  );
}

/**
 * The environment for orbctl: the caller's, with the install folders prepended to PATH (Finder gives apps a
 * minimal PATH; Podman Desktop does the same), and colours off so messages are plain text.
 */
export function orbctlEnv(env: LocateInput['env'], home: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  const existing = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  out.PATH = [...new Set([...extraBinDirs(home), ...existing])].join(delimiter);
  out.NO_COLOR = '1';
  return out;
}

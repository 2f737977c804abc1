import { isAbsolute, relative } from 'node:path';

/**
 * Places no request may name, whatever it is for: OrbDeck's own data folder (its settings decide which
 * program OrbDeck runs, so a page that could write there, or read it into a machine, could take over the
 * app), and the system's files about processes, the kernel and devices (`/proc/self/environ` holds the
 * host's environment). Paths are compared with symbolic links resolved.
 */
const SYSTEM: ReadonlyArray<[string, string]> = [
  ['/proc', 'the system’s process files (/proc)'],
  ['/sys', 'the kernel’s files (/sys)'],
  ['/dev', 'the system’s device files (/dev)'],
  ['/private/dev', 'the system’s device files (/dev)'],
];

const inside = (path: string, folder: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** What `path` (absolute, links resolved) is part of, in words, when no request may name it; else null. */
export function offLimitsPlace(path: string, dataDir: string | null): string | null {
  if (dataDir !== null && inside(path, dataDir)) return 'OrbDeck’s own data folder';
  for (const [folder, words] of SYSTEM) if (inside(path, folder)) return words;
  return null;
}

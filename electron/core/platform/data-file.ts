/**
 * Reading OrbDeck's own JSON files in the data folder (presets, checkpoint labels, machines being set up, the
 * commands run in machines). Nothing in one is dropped silently: a file that cannot be read as a whole is
 * moved aside under a name nothing uses (`presets.json.bad-20261201-101500`), one whose entries were partly
 * left out is copied aside (the next save rewrites it), and either is said in one sentence for the person,
 * as settings are (settings/settings-store.ts).
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { freeSideName, realWriter, storageProblem, type FileWriter } from './storage';

/** What one file holds, and what was left out of it ("2 presets with a bad field"), each said to the person. */
export interface DataFileContent<T> {
  value: T;
  leftOut: string[];
}

export interface DataFileRead<T> {
  /** Null when there is no file, or nothing in it could be read. */
  value: T | null;
  /** A sentence for the person (without the final stop) when anything was set aside; null otherwise. */
  problem: string | null;
}

/**
 * Reads `file` as JSON through `read`, which answers null for a file that is not what OrbDeck keeps there.
 * `what` names the contents for the sentence ("the presets"); `text` writes what was kept, to rewrite a file
 * some of whose entries were left out once its copy is aside.
 */
export function readDataFile<T>(
  file: string,
  what: string,
  read: (raw: unknown) => DataFileContent<T> | null,
  writer: FileWriter = realWriter,
  text?: (value: T) => string,
): DataFileRead<T> {
  if (!existsSync(file)) return { value: null, problem: null };
  const name = basename(file);
  let original: string;
  try {
    original = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      value: null,
      problem: `${name} could not be read (${storageProblem(error)}), so ${what} start empty`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(original);
  } catch {
    return { value: null, problem: `${name} was not valid JSON, so ${what} start empty; ${moveAside(file)}` };
  }
  const content = read(raw);
  if (content === null) {
    return {
      value: null,
      problem: `${name} did not hold ${what} as OrbDeck keeps them, so they start empty; ${moveAside(file)}`,
    };
  }
  if (content.leftOut.length === 0) return { value: content.value, problem: null };
  const kept = copyAside(file, original, writer);
  // Rewritten without what was left out, so the next start does not say it again.
  if (text && kept.startsWith('the file as it was is kept')) {
    try {
      writer.replace(file, text(content.value));
    } catch {
      // Rewritten at the next save instead.
    }
  }
  return { value: content.value, problem: `${name}: left out ${content.leftOut.join(' and ')}; ${kept}` };
}

/** Moves a damaged file to a free `.bad-<time>` name; says where it went. */
export function moveAside(file: string): string {
  try {
    const aside = freeSideName(file, 'bad', existsSync);
    renameSync(file, aside);
    return `the damaged file was kept as ${basename(aside)}`;
  } catch (error) {
    return `the damaged file could not be set aside (${storageProblem(error)}) and is replaced at the next change`;
  }
}

/** Copies a file some of whose entries were left out to a free `.bad-<time>` name; says where it went. */
export function copyAside(file: string, text: string, writer: FileWriter = realWriter): string {
  try {
    const aside = freeSideName(file, 'bad', existsSync);
    writer.replace(aside, text);
    return `the file as it was is kept as ${basename(aside)}`;
  } catch (error) {
    return `a copy of the file as it was could not be kept (${storageProblem(error)})`;
  }
}

/** "1 preset", "20,001 presets". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

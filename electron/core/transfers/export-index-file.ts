/**
 * Keeps a folder's `orbdeck-index.json` current while "Export for a New Mac…" runs: written when the exports
 * are started (each entry `exporting`), rewritten as each export job ends (`exported` with its checksum, or
 * `failed` with the reason). An index that still says `exporting` was left by an export cut short, and the other
 * Mac says so. Entries for other files of the folder (an earlier run into the same folder) are kept.
 */
import { basename, join } from 'node:path';
import { isFinished, type Job } from '../../../shared/jobs';
import type { ExportIndex, ExportIndexEntry } from '../../../shared/ipc/types';
import { plainText } from '../../../shared/shown-text';
import type { EventHub } from '../platform/events';
import { INDEX_FILE, indexText, parseIndex } from '../export-file/export-index';
import { MANIFEST_SUFFIX, parseManifest } from '../export-file/manifest';
import { readSidecar } from '../export-file/sidecar-file';
import { placeFile } from './export-sidecars';

export class ExportIndexFile {
  readonly path: string;
  private index: ExportIndex;
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(folder: string, existing: ExportIndex | null) {
    this.path = join(folder, INDEX_FILE);
    this.index = existing ?? { format: 'orbdeck-export-index', version: 1, updatedAt: '', machines: [] };
  }

  /** The folder's index as it stands (an unreadable or foreign one is started afresh, and kept if foreign). */
  static async open(folder: string): Promise<ExportIndexFile> {
    const read = await readSidecar(join(folder, INDEX_FILE), 'index');
    return new ExportIndexFile(folder, read.kind === 'text' ? parseIndex(read.text) : null);
  }

  get entries(): readonly ExportIndexEntry[] {
    return this.index.machines;
  }

  /** Adds (or replaces, by file name) entries, then writes. */
  add(entries: ExportIndexEntry[]): Promise<string | null> {
    const files = new Set(entries.map((e) => e.file));
    this.index.machines = [...this.index.machines.filter((e) => !files.has(e.file)), ...entries];
    return this.write();
  }

  /** Changes the entry for `file`, then writes. */
  update(file: string, change: Partial<ExportIndexEntry>): Promise<string | null> {
    this.index.machines = this.index.machines.map((e) => (e.file === file ? { ...e, ...change } : e));
    return this.write();
  }

  /** Writes the index, one write at a time. Never throws: answers a sentence when it could not write. */
  private write(): Promise<string | null> {
    const text = indexText({ ...this.index, updatedAt: new Date().toISOString() });
    const next = this.writing.then(async () => {
      try {
        const placed = await placeFile(this.path, text, (old) => parseIndex(old) !== null, 'index');
        return placed
          ? null
          : `'${INDEX_FILE}' already exists and is not OrbDeck's, so no index was written.`;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        return `'${INDEX_FILE}' could not be written (${code}).`;
      }
    });
    this.writing = next;
    return next;
  }
}

/**
 * Follows the export jobs of one "Export for a New Mac…" and records each ending in the index. `files` maps
 * each job's id to its entry's file name; `current` answers a job as it stands (one may end before this
 * listens). Resolves once every job has ended and the index is written.
 */
export function recordEndings(
  events: EventHub,
  index: ExportIndexFile,
  files: Map<string, string>,
  current: (id: string) => Job | undefined,
): Promise<void> {
  const pending = new Map(files);
  const writes: Array<Promise<unknown>> = [];
  return new Promise((resolve) => {
    const seen = (job: Job) => {
      const file = pending.get(job.id);
      if (file === undefined || !isFinished(job)) return;
      pending.delete(job.id);
      writes.push(ending(job, file).then((change) => index.update(file, change)));
      if (pending.size === 0) {
        off();
        void Promise.all(writes).then(() => resolve());
      }
    };
    const off = events.on('jobs:changed', seen);
    for (const id of [...pending.keys()]) {
      const job = current(id);
      if (job) seen(job);
    }
    if (pending.size === 0 && writes.length === 0) {
      off();
      resolve();
    }
  });
}

/** What the index says of a finished export: its checksum from the manifest the job wrote, or why it failed. */
async function ending(job: Job, file: string): Promise<Partial<ExportIndexEntry>> {
  if (job.state !== 'succeeded' || !job.path) {
    const reason =
      job.state === 'cancelled' ? 'The export was cancelled.' : (job.error?.message ?? job.outcome);
    // One line of plain text, as the index's reader takes it (export-file/export-index.ts).
    return { state: 'failed', ...(reason ? { reason: plainText(reason).slice(0, 2000) } : {}) };
  }
  const read = await readSidecar(job.path + MANIFEST_SUFFIX, 'manifest');
  const manifest = read.kind === 'text' ? parseManifest(read.text) : null;
  return {
    state: 'exported',
    ...(basename(job.path) === file ? {} : { file: basename(job.path) }),
    ...(job.bytes === undefined ? {} : { size: job.bytes }),
    ...(manifest?.file === basename(job.path)
      ? {
          sha256: manifest.sha256,
          size: manifest.size,
          distro: manifest.distro,
          distroVersion: manifest.distroVersion,
          arch: manifest.arch,
        }
      : {}),
  };
}

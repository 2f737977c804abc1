import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/ipc/types';
import { tempDir } from '../../../test/helpers/processes';
import { inspectExportFolder } from '../transfers/export-folder';
import { checksumLine } from './checksum';
import { INDEX_FILE } from './export-index';
import { CHECKSUM_SUFFIX, MANIFEST_SUFFIX } from './manifest';
import { readSidecar, withinDeadline } from './sidecar-file';
import { checksumPresence, verifyExport } from './verify';

let dir: { path: string; remove: () => void };
const pipes: string[] = [];
beforeEach(() => (dir = tempDir()));
afterEach(() => {
  // Had a read ever been started on a pipe, this ends it (a writer that opens and closes), so no thread of the
  // file pool stays held after the test, pass or fail.
  for (const pipe of pipes.splice(0)) {
    try {
      closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // No reader: nothing is waiting on it.
    }
  }
  dir.remove();
});

const at = (...names: string[]) => join(dir.path, ...names);
function pipe(path: string): string {
  execFileSync('mkfifo', [path]);
  pipes.push(path);
  return path;
}
/** A folder holding one export-named file whose `.sha256` and `.manifest.json` are named pipes. */
function folderWithPipes(name: string): string {
  const folder = at(name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'web.tar.zst'), 'not really an export');
  pipe(join(folder, `web.tar.zst${CHECKSUM_SUFFIX}`));
  pipe(join(folder, `web.tar.zst${MANIFEST_SUFFIX}`));
  return folder;
}
const previewWithChecksum = async (path: string): Promise<ImportPreview> =>
  ({ path, proposedName: 'web', checksum: await checksumPresence(path, 20) }) as ImportPreview;

describe('the small files beside exports', () => {
  it('reads a checksum file that is a regular file of a checksum’s size', async () => {
    writeFileSync(at('a.sha256'), checksumLine('0'.repeat(64), 'a.tar.zst'));
    expect(await readSidecar(at('a.sha256'), 'checksum')).toEqual({
      kind: 'text',
      text: `${'0'.repeat(64)}  a.tar.zst\n`,
    });
    expect(await readSidecar(at('none.sha256'), 'checksum')).toEqual({ kind: 'missing' });
  });

  it('skips a named pipe beside an export without waiting on it, and says which file and why', async () => {
    const folder = folderWithPipes('one');
    const file = join(folder, 'web.tar.zst');
    expect(await readSidecar(`${file}${CHECKSUM_SUFFIX}`, 'checksum')).toEqual({
      kind: 'skipped',
      note: "'web.tar.zst.sha256' was skipped: it is a named pipe, not a regular file.",
    });
    const check = await verifyExport(file);
    expect(check.verdict).toBe('missing');
    expect(check.message).toBe(
      "No checksum OrbDeck could use: 'web.tar.zst.manifest.json' was skipped: it is a named pipe, not a regular " +
        "file. 'web.tar.zst.sha256' was skipped: it is a named pipe, not a regular file.",
    );
  });

  it('five folders with pipes beside their exports leave the file pool free for another import preview', async () => {
    const folders = ['a', 'b', 'c', 'd', 'e'].map(folderWithPipes);
    pipe(at('e', INDEX_FILE));
    const previews = await Promise.all(folders.map((f) => inspectExportFolder(f, [], previewWithChecksum)));
    expect(previews.map((p) => p.items.length)).toEqual([1, 1, 1, 1, 1]);
    expect(previews[4]!.problems).toContain(
      "'orbdeck-index.json' was skipped: it is a named pipe, not a regular file.",
    );
    // A plain preview elsewhere, through the same pool of threads, still answers.
    mkdirSync(at('plain'));
    writeFileSync(at('plain', 'db.tar.zst'), 'x');
    writeFileSync(at('plain', `db.tar.zst${CHECKSUM_SUFFIX}`), checksumLine('1'.repeat(64), 'db.tar.zst'));
    expect(await checksumPresence(at('plain', 'db.tar.zst'), 1)).toBe('present');
    expect(readFileSync(at('plain', 'db.tar.zst'), 'utf8')).toBe('x');
  });

  it('skips a 200 MB checksum file and a 2 MB index by their size, without reading them', async () => {
    writeFileSync(at('big.tar.zst'), 'x');
    writeFileSync(at('big.tar.zst.sha256'), '');
    truncateSync(at('big.tar.zst.sha256'), 200 * 1024 * 1024);
    const note =
      "'big.tar.zst.sha256' was skipped: it is 209,715,200 bytes, more than such a file ever holds (16,384).";
    expect(await readSidecar(at('big.tar.zst.sha256'), 'checksum')).toEqual({ kind: 'skipped', note });
    expect((await verifyExport(at('big.tar.zst'))).message).toBe(`No checksum OrbDeck could use: ${note}`);
    writeFileSync(at(INDEX_FILE), '');
    truncateSync(at(INDEX_FILE), 2 * 1024 * 1024);
    expect(await readSidecar(at(INDEX_FILE), 'index')).toMatchObject({ kind: 'skipped' });
  });

  it('gives up on a read that does not answer within its deadline', async () => {
    const never = new Promise<string>(() => undefined);
    expect(await withinDeadline(never, 20, () => 'late')).toBe('late');
    expect(await withinDeadline(Promise.resolve('read'), 60_000, () => 'late')).toBe('read');
  });
});

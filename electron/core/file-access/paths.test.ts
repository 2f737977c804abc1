import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../test/helpers/processes';
import { absolutePath, checkReadableFile, checkWritableFolder } from './paths';

let dir: { path: string; remove: () => void };
beforeAll(() => {
  dir = tempDir();
  mkdirSync(join(dir.path, 'a folder'));
  writeFileSync(join(dir.path, `it's "quoted" & spaced.tar.zst`), 'data');
  writeFileSync(join(dir.path, 'existing.tar.zst'), 'old');
});
afterAll(() => dir.remove());

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('absolutePath', () => {
  it('normalises absolute paths', () => {
    expect(absolutePath('/a/../b', 'file')).toBe('/b');
    expect(absolutePath(`${dir.path}/./x.tar.zst`, 'file')).toBe(join(dir.path, 'x.tar.zst'));
  });

  it('refuses relative, ~, empty and NUL-carrying paths with the shared rule’s words', async () => {
    expect(() => absolutePath('x.tar.zst', 'file')).toThrow('Give the full path, starting with /.');
    expect(() => absolutePath('~/b/x', 'file')).toThrow('Give the full path, starting with /.');
    expect(() => absolutePath('', 'file')).toThrow(AppError);
    expect(() => absolutePath('/a\0b', 'file')).toThrow(/NUL/);
  });
});

describe('checkReadableFile (import source, cloud-init file)', () => {
  it('accepts a regular file, quotes and spaces included, and reports its size', async () => {
    const path = join(dir.path, `it's "quoted" & spaced.tar.zst`);
    expect(await checkReadableFile(path, 'file')).toEqual({ path, size: 4 });
  });

  it('says the same for a missing path, a folder and a path under a file: no way to learn what exists', async () => {
    for (const p of [
      ...['nope.tar.zst', 'a folder', 'existing.tar.zst/x'].map((n) => join(dir.path, n)),
      '/dev/null',
    ]) {
      const e = await rejection(checkReadableFile(p, 'file'));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toBe(`There is no file at '${p}' that OrbDeck can read.`);
      expect(e.detail?.field).toBe('file');
    }
  });
});

describe('checkWritableFolder', () => {
  it('accepts an existing folder and names a missing one or a file', async () => {
    await checkWritableFolder(join(dir.path, 'a folder'), 'path', 'x');
    expect((await rejection(checkWritableFolder(join(dir.path, 'missing'), 'path', 'x'))).message).toMatch(
      /does not exist/,
    );
    expect(
      (await rejection(checkWritableFolder(join(dir.path, 'existing.tar.zst'), 'path', 'x'))).message,
    ).toMatch(/is not a folder/);
  });
});

/**
 * Root reads and writes anything, so permission checks mean nothing in this process. The same checks are
 * run in a child process as the unprivileged user `nobody` (65534), against root-owned files without access.
 */
describe('permissions, checked as an unprivileged user', () => {
  const isRoot = process.getuid?.() === 0;

  it.runIf(isRoot)(
    'an unreadable import file and an unwritable export folder are refused by name',
    async () => {
      const esbuild = await import('esbuild');
      const bundle = join(dir.path, 'paths-check.mjs');
      await esbuild.build({
        entryPoints: [fileURLToPath(new URL('./paths.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: bundle,
        logLevel: 'silent',
      });
      const secret = join(dir.path, 'secret.tar.zst');
      writeFileSync(secret, 'x');
      chmodSync(secret, 0o000);
      const locked = join(dir.path, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      chmodSync(dir.path, 0o755);
      const runner = join(dir.path, 'runner.mjs');
      writeFileSync(
        runner,
        `import { checkReadableFile, checkWritableFolder } from ${JSON.stringify(bundle)};
       const out = {};
       for (const [k, f] of Object.entries({
         read: () => checkReadableFile(${JSON.stringify(secret)}, 'file'),
         write: () => checkWritableFolder(${JSON.stringify(locked)}, 'file', 'x'),
       })) { try { await f(); out[k] = 'ok'; } catch (e) { out[k] = e.code + ': ' + e.message; } }
       console.log(JSON.stringify(out));`,
      );
      const stdout = execFileSync(process.execPath, [runner], { uid: 65534, gid: 65534, encoding: 'utf8' });
      const out = JSON.parse(stdout) as { read: string; write: string };
      expect(out.read).toBe(`INVALID_INPUT: There is no file at '${secret}' that OrbDeck can read.`);
      expect(out.write).toBe(`INVALID_INPUT: OrbDeck is not allowed to write in '${locked}'.`);
    },
  );
});

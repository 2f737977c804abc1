import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../../test/helpers/processes';
import { FileAccess } from './file-access';
import { FileGrants } from './grants';

let dir: { path: string; remove: () => void };
let home: string;
let grants: FileGrants;
let files: FileAccess;
beforeEach(() => {
  dir = tempDir();
  home = join(dir.path, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
  writeFileSync(join(dir.path, 'a.tar.zst'), 'x');
  grants = new FileGrants(3);
  files = new FileAccess(grants, home);
});
afterEach(() => dir.remove());

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('FileAccess', () => {
  const file = () => join(dir.path, 'a.tar.zst');

  it('in Electron acts only on granted files, for what they were granted', async () => {
    const read = grants.grant(file(), 'read', 'drop');
    expect(await files.resolve(read.ref, 'read', 'import', 'electron', 'path')).toEqual({
      path: file(),
      sensitive: null,
    });
    const typed = await rejection(files.resolve(file(), 'read', 'import', 'electron', 'path'));
    expect([typed.code, typed.message]).toEqual([
      'FORBIDDEN',
      'OrbDeck only uses files you chose in a dialog or dropped on its window.',
    ]);
    // A file granted for reading cannot be written over.
    expect((await rejection(files.resolve(read.ref, 'write', 'export', 'electron', 'path'))).code).toBe(
      'FORBIDDEN',
    );
    const forged = await rejection(
      files.resolve('grant:AAAAAAAAAAAAAAAAAAAAAA', 'read', 'import', 'electron', 'path'),
    );
    expect(forged.message).toBe('That file choice is no longer valid. Choose the file again.');
  });

  it('in the headless host takes typed paths as the person’s', async () => {
    expect((await files.resolve(file(), 'read', 'import', 'headless', 'path')).path).toBe(file());
  });

  it('never imports or takes cloud-init from a place with secrets, links included; a push only says so', async () => {
    const key = join(home, '.ssh', 'id_ed25519');
    symlinkSync(key, join(dir.path, 'harmless.yaml'));
    for (const path of [key, join(dir.path, 'harmless.yaml')]) {
      for (const purpose of ['import', 'cloud-init'] as const) {
        const e = await rejection(files.resolve(path, 'read', purpose, 'headless', 'path'));
        expect([e.code, e.message]).toEqual([
          'FORBIDDEN',
          'OrbDeck does not use files from your SSH keys for this.',
        ]);
      }
      expect(await files.resolve(path, 'read', 'push', 'headless', 'paths.0')).toEqual({
        path,
        sensitive: 'your SSH keys',
      });
    }
  });

  it('reads an upload the headless host keeps in its data folder, and nothing else there', async () => {
    const data = join(dir.path, 'data');
    mkdirSync(join(data, 'uploads', 'u1'), { recursive: true });
    const upload = join(data, 'uploads', 'u1', 'web.tar.zst');
    writeFileSync(upload, 'x');
    writeFileSync(join(data, 'settings.json'), '{}');
    const guarded = new FileAccess(grants, home, { dataDir: data, isUpload: (p) => p === upload });
    expect((await guarded.resolve(upload, 'read', 'import', 'headless', 'path')).path).toBe(upload);
    for (const [path, access] of [
      [upload, 'write'],
      [join(data, 'settings.json'), 'read'],
      [join(data, 'settings.json'), 'write'],
      [join(data, 'new-folder', 'x.tar.zst'), 'write'],
    ] as const) {
      const e = await rejection(guarded.resolve(path, access, 'export', 'headless', 'path'));
      expect([e.code, e.message]).toEqual([
        'FORBIDDEN',
        'OrbDeck does not read or write OrbDeck’s own data folder for a request.',
      ]);
    }
  });

  it('forgets the oldest grants beyond its bound', async () => {
    const first = grants.grant(file(), 'read', 'dialog');
    for (let i = 0; i < 3; i++) grants.grant(file(), 'read', 'dialog');
    expect(grants.lookup(first.ref)).toBeUndefined();
    expect(first.ref).toMatch(/^grant:[A-Za-z0-9_-]{22}$/);
  });
});

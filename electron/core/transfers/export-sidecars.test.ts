import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportManifest } from '../../../shared/ipc/types';
import { writeSidecars } from './export-sidecars';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'orbdeck-sidecar-'));
  dirs.push(d);
  return d;
};
const manifest = (sha256: string): ExportManifest => ({
  format: 'orbdeck-export-manifest',
  version: 1,
  file: 'web.tar.zst',
  machine: 'web',
  distro: 'ubuntu',
  distroVersion: 'noble',
  arch: 'arm64',
  orbstackVersion: '2.2.0',
  size: 10,
  sha256,
  exportedAt: '2026-12-01T10:00:00.000Z',
});

describe('checksum and manifest beside an export', () => {
  it('writes both, private, and leaves no partial file', async () => {
    const dir = temp();
    const path = join(dir, 'web.tar.zst');
    const result = await writeSidecars(path, manifest('a'.repeat(64)));
    expect(result).toEqual({ written: [`${path}.sha256`, `${path}.manifest.json`], notes: [] });
    expect(readdirSync(dir).sort()).toEqual(['web.tar.zst.manifest.json', 'web.tar.zst.sha256']);
    expect(statSync(`${path}.sha256`).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(`${path}.manifest.json`, 'utf8'))).toEqual(manifest('a'.repeat(64)));
  });

  it("replaces an earlier export's own checksum, but never a file of another kind", async () => {
    const dir = temp();
    const path = join(dir, 'web.tar.zst');
    await writeSidecars(path, manifest('a'.repeat(64)));
    writeFileSync(`${path}.manifest.json`, 'my own notes, not a manifest');
    const result = await writeSidecars(path, manifest('b'.repeat(64)));
    expect(readFileSync(`${path}.sha256`, 'utf8')).toBe(`${'b'.repeat(64)}  web.tar.zst\n`);
    expect(readFileSync(`${path}.manifest.json`, 'utf8')).toBe('my own notes, not a manifest');
    expect(result.notes).toEqual([
      "'web.tar.zst.manifest.json' already exists and is not OrbDeck's, so it was kept and not replaced.",
    ]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('says so instead of throwing when the folder is gone', async () => {
    const result = await writeSidecars(join(temp(), 'gone', 'web.tar.zst'), manifest('a'.repeat(64)));
    expect(result.written).toEqual([]);
    expect(result.notes[0]).toBe("'web.tar.zst.sha256' could not be written (ENOENT).");
  });
});

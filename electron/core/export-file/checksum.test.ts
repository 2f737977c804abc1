import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GrowingFileHasher, checksumLine, digestFor, hashFile } from './checksum';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'orbdeck-sum-'));
  dirs.push(d);
  return d;
};

describe('GrowingFileHasher', () => {
  it('hashes a file still being written, reading each byte once, to the checksum of the finished file', async () => {
    const path = join(temp(), 'growing');
    writeFileSync(path, '');
    const hasher = new GrowingFileHasher(path);
    const parts: Buffer[] = [];
    for (let i = 0; i < 20; i++) {
      const part = randomBytes(1000 + i * 7919);
      parts.push(part);
      appendFileSync(path, part);
      // Between ticks the writer may add more than one part, or nothing.
      if (i % 3 !== 1) await hasher.catchUp();
    }
    await hasher.catchUp();
    const whole = Buffer.concat(parts);
    expect(hasher.bytesHashed).toBe(whole.length);
    expect(await hasher.finish()).toEqual({ sha256: sha(whole), bytes: whole.length });
    expect(hasher.restarts).toBe(0);
  });

  it('starts again when the writer replaces the file instead of appending to it', async () => {
    const dir = temp();
    const path = join(dir, 'f');
    writeFileSync(path, randomBytes(5000));
    const hasher = new GrowingFileHasher(path);
    await hasher.catchUp();
    const fresh = randomBytes(3000);
    writeFileSync(join(dir, 'other'), fresh);
    renameSync(join(dir, 'other'), path);
    expect(await hasher.finish()).toEqual({ sha256: sha(fresh), bytes: 3000 });
    expect(hasher.restarts).toBe(1);
  });

  it('overlapping calls (a slow tick and the final read) never hash a byte twice', async () => {
    const path = join(temp(), 'f');
    const data = randomBytes(3 << 20);
    writeFileSync(path, data);
    const hasher = new GrowingFileHasher(path);
    const [, , result] = await Promise.all([hasher.catchUp(), hasher.catchUp(), hasher.finish()]);
    expect(result).toEqual({ sha256: sha(data), bytes: data.length });
  });
});

describe('hashFile', () => {
  it('reports progress and stops when aborted', async () => {
    const path = join(temp(), 'f');
    const data = randomBytes(3 << 20);
    writeFileSync(path, data);
    const seen: number[] = [];
    expect(await hashFile(path, { onProgress: (n) => seen.push(n) })).toEqual({
      sha256: sha(data),
      bytes: data.length,
    });
    expect(seen.at(-1)).toBe(data.length);
    expect(seen.length).toBeGreaterThan(1);
    const abort = new AbortController();
    abort.abort();
    await expect(hashFile(path, { signal: abort.signal })).rejects.toThrow();
  });
});

describe('sha256sum format', () => {
  const hex = 'ab'.repeat(32);
  it('writes the digest, two spaces and the base name', () => {
    expect(checksumLine(hex, 'web.tar.zst')).toBe(`${hex}  web.tar.zst\n`);
  });
  it('reads what sha256sum and shasum write, for the named file only', () => {
    expect(digestFor(`${hex}  web.tar.zst\n`, 'web.tar.zst')).toBe(hex);
    expect(digestFor(`${hex.toUpperCase()} *web.tar.zst\r\n`, 'web.tar.zst')).toBe(hex);
    expect(digestFor(`${'cd'.repeat(32)}  other.tar.zst\n${hex}  ./web.tar.zst\n`, 'web.tar.zst')).toBe(hex);
    expect(digestFor(`${hex}  other.tar.zst\n`, 'web.tar.zst')).toBeNull();
    expect(digestFor('not a checksum', 'web.tar.zst')).toBeNull();
    expect(digestFor(`${hex.slice(2)}  web.tar.zst`, 'web.tar.zst')).toBeNull();
  });
});

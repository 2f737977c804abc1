import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_NAME_BYTES, safeFileName, UploadStore, UploadTooLarge } from './uploads';

const GiB = 1024 ** 3;
const stores: string[] = [];
function folder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'orbdeck-uploads-')), 'uploads');
  stores.push(dir);
  return dir;
}
afterEach(() => void stores.splice(0));

/** A body that records whether anyone read it. */
function body(text: string): Readable & { touched: boolean } {
  const stream = Readable.from([Buffer.from(text)]) as Readable & { touched: boolean };
  stream.touched = false;
  stream.on('resume', () => (stream.touched = true));
  return stream;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('safeFileName', () => {
  it.each([
    ['line\nbreak.txt', 'linebreak.txt'],
    ['cr\r\nlf', 'crlf'],
    ['tab\there', 'tabhere'],
    ['bell\u0007\u001b[31m.txt', 'bell[31m.txt'],
    ['del\u007f.txt', 'del.txt'],
    ['c1\u0085\u009b.txt', 'c1.txt'],
    ['sep\u2028\u2029.txt', 'sep.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u202A\u202B\u202C\u202D\u202Ename', 'name'],
    ['\u2066\u2067\u2068\u2069name', 'name'],
    ['mark\u200E\u200F\u061C.tar.zst', 'mark.tar.zst'],
    ['../../evil', 'evil'],
    ['C:\\Users\\me\\box.tar.zst', 'box.tar.zst'],
    ['nul\0byte', 'nulbyte'],
    ['.\n.', 'upload'],
    ['\u202E', 'upload'],
    ['', 'upload'],
    ['my "best" box.tar.zst', 'my "best" box.tar.zst'],
    ['日本語のファイル.tar.zst', '日本語のファイル.tar.zst'],
  ])('%j becomes %j', (given, expected) => {
    expect(safeFileName(given)).toBe(expected);
  });

  it('caps the name in UTF-8 bytes, never splitting a character, keeping the extension', () => {
    const long = '日'.repeat(200) + '.tar.zst'; // 608 bytes, 208 UTF-16 units
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safe.endsWith('日.zst')).toBe(true);
    expect(safe).not.toContain('\uFFFD');
    const emoji = safeFileName('😀'.repeat(100)); // 400 bytes of 4-byte characters, no extension
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(emoji).toBe('😀'.repeat(63));
  });
});

describe('UploadStore', () => {
  it('stores a file under its cleaned name, private to this user', async () => {
    const store = new UploadStore(folder());
    const stream = body('hello');
    const { path, size } = await store.receive(stream, 'a\u202Eb\nc.txt', 5);
    expect(stream.touched).toBe(true);
    expect(size).toBe(5);
    expect(basename(path)).toBe('abc.txt');
    expect(readFileSync(path, 'utf8')).toBe('hello');
    expect(store.isUpload(path)).toBe(true);
  });

  it('puts an export’s checksum and manifest beside its upload, and deletes them with it', async () => {
    const store = new UploadStore(folder());
    const { path } = await store.receive(body('export'), 'web box.tar.zst', 6);
    const sum = await store.receive(body('abc  web box.tar.zst\n'), 'web box.tar.zst.sha256', 21, path);
    expect(sum.path).toBe(`${path}.sha256`);
    expect(readFileSync(sum.path, 'utf8')).toBe('abc  web box.tar.zst\n');
    // Not an upload of its own: it lives and goes with the export.
    expect(store.isUpload(sum.path)).toBe(false);
    store.release(path);
    await vi.waitFor(() => expect(existsSync(sum.path)).toBe(false), { timeout: 5_000 });
  });

  it('takes beside an upload only a small checksum or manifest, and only beside one it issued', async () => {
    const store = new UploadStore(folder());
    const { path } = await store.receive(body('export'), 'web.tar.zst', 6);
    await expect(store.receive(body('x'), 'notes.txt', 1, path)).rejects.toThrow(
      'Only .sha256 or .manifest.json files go beside an export.',
    );
    const big = body('x');
    await expect(store.receive(big, 'web.tar.zst.sha256', 10 * 1024 ** 2, path)).rejects.toBeInstanceOf(
      UploadTooLarge,
    );
    expect(big.touched).toBe(false);
    await expect(store.receive(body('x'), 'a.sha256', 1, '/etc/passwd')).rejects.toThrow(
      'There is no upload to put this file beside.',
    );
    expect(existsSync('/etc/passwd.sha256')).toBe(false);
  });

  it('refuses a size over its limit before reading a byte', async () => {
    const dir = folder();
    const store = new UploadStore(dir, { maxBytes: 256 * GiB });
    const stream = body('x');
    const refusal = store.receive(stream, 'huge.tar.zst', 300 * GiB);
    await expect(refusal).rejects.toBeInstanceOf(UploadTooLarge);
    await expect(refusal).rejects.toThrow('The file is 300 GiB; the host takes files up to 256 GiB.');
    expect(stream.touched).toBe(false);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('refuses a size the disk has no room for (the real free space, from statfs)', async () => {
    const { statfs } = await import('node:fs/promises');
    const dir = folder();
    const info = await statfs(join(dir, '..'));
    const free = info.bavail * info.bsize;
    const store = new UploadStore(dir, { maxBytes: Number.MAX_SAFE_INTEGER });
    const stream = body('x');
    await expect(store.receive(stream, 'big', free + GiB)).rejects.toThrow(/has room for only /);
    expect(stream.touched).toBe(false);
  });

  it('counts uploads still arriving against the free space', async () => {
    const store = new UploadStore(folder(), { freeBytes: async () => 2 * GiB });
    const slow = new Readable({ read() {} });
    const first = store.receive(slow, 'first', 1.5 * GiB);
    await sleep(20);
    await expect(store.receive(body('x'), 'second', 1 * GiB)).rejects.toBeInstanceOf(UploadTooLarge);
    slow.destroy();
    await first.catch(() => {});
    await expect(store.receive(body('x'), 'third', 1)).resolves.toMatchObject({ size: 1 });
  });

  it('refuses a body shorter or longer than declared, and keeps nothing of it', async () => {
    const dir = folder();
    const store = new UploadStore(dir);
    await expect(store.receive(body('abc'), 'short', 10)).rejects.toThrow('The upload was interrupted.');
    await expect(store.receive(body('abcdef'), 'long', 2)).rejects.toThrow('longer than declared');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('deletes an upload nobody took after its time to live', async () => {
    const store = new UploadStore(folder(), { ttlMs: 50 });
    const { path } = await store.receive(body('x'), 'left.txt', 1);
    expect(existsSync(path)).toBe(true);
    await vi.waitFor(() => expect(existsSync(path)).toBe(false), { timeout: 5_000 });
    expect(store.isUpload(path)).toBe(false);
  });

  it('keeps an upload a job holds past its time to live, until released', async () => {
    const store = new UploadStore(folder(), { ttlMs: 50 });
    const { path } = await store.receive(body('x'), 'held.txt', 1);
    store.hold(path);
    await sleep(150);
    expect(store.isUpload(path)).toBe(true);
    expect(existsSync(path)).toBe(true);
    store.release(path);
    // Released past its time, it goes at once; the file's removal is asynchronous.
    await vi.waitFor(() => expect(existsSync(path)).toBe(false), { timeout: 5_000 });
    store.hold(path); // holding what is gone does nothing
    expect(store.isUpload(path)).toBe(false);
  });

  it('never deletes a path it did not issue', async () => {
    const dir = folder();
    const store = new UploadStore(dir);
    const { path } = await store.receive(body('x'), 'mine.txt', 1);
    store.release(join(dir, 'other', 'file'));
    store.hold('/etc/passwd');
    expect(existsSync(path)).toBe(true);
    expect(store.isUpload('/etc/passwd')).toBe(false);
  });
});

import { mkdtempSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { encodeExportHeader } from '../../../tools/orbctl-sim/export/encode-header';
import { parseExportConfig, parseExportHeader, readExportHeader } from './read-header';
import { encodeRawZstdFrame } from '../../../tools/orbctl-sim/export/zstd-frame';
import { sampleExportConfig } from '../../../test/helpers/export-files';

const dir = mkdtempSync(join(tmpdir(), 'exportfile-'));
let n = 0;
function file(bytes: Buffer | string): string {
  const path = join(dir, `f${n++}.tar.zst`);
  writeFileSync(path, bytes);
  return path;
}

async function failure(path: string): Promise<AppError> {
  const err: unknown = await readExportHeader(path).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('encodeExportHeader (docs/orbctl.md#export-file-layout)', () => {
  it('writes the skippable magic, frame size, OrbStack magic, version 1 and compact JSON', () => {
    const config = sampleExportConfig();
    const bytes = encodeExportHeader(config);
    const json = JSON.stringify(config);
    expect([...bytes.subarray(0, 4)]).toEqual([0x5c, 0x2a, 0x4d, 0x18]);
    expect(bytes.readUInt32LE(4)).toBe(8 + Buffer.byteLength(json));
    expect([...bytes.subarray(8, 12)]).toEqual([0xcc, 0x1a, 0xb5, 0x07]);
    expect(bytes.readUInt32LE(12)).toBe(1);
    expect(bytes.subarray(16).toString()).toBe(json);
    expect(bytes.length).toBe(16 + Buffer.byteLength(json));
  });
});

describe('readExportHeader', () => {
  it('returns the config of a good file, reading only the header', async () => {
    const config = sampleExportConfig();
    // Garbage after the header proves the payload is never looked at.
    const path = file(Buffer.concat([encodeExportHeader(config), Buffer.from('not zstd at all')]));
    await expect(readExportHeader(path)).resolves.toEqual(config);
  });

  it('keeps unknown fields of the record and accepts null subvolumes', async () => {
    const config = sampleExportConfig({ subvolumes: null });
    const withExtra = { ...config, record: { ...config.record, networking: { mode: 'bridged' } } };
    const read = await readExportHeader(file(encodeExportHeader(withExtra)));
    expect(read.subvolumes).toBeNull();
    expect((read.record as Record<string, unknown>).networking).toEqual({ mode: 'bridged' });
  });

  it('refuses a zero-byte file', async () => {
    const err = await failure(file(''));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toMatch(/empty/);
  });

  it('refuses a file that is not zstd', async () => {
    const err = await failure(file('hello, this is a text file\n'));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toMatch(/not a zstd file/);
  });

  it('refuses a plain zstd file without the OrbStack header', async () => {
    const err = await failure(file(encodeRawZstdFrame(Buffer.from('data'))));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toMatch(/without an OrbStack header/);
  });

  it('refuses a foreign skippable frame', async () => {
    const bytes = encodeExportHeader(sampleExportConfig());
    bytes[0] = 0x50;
    expect((await failure(file(bytes))).message).toMatch(/not OrbStack's header/);
  });

  it.each([3, 10, 40])('calls a header cut after %i bytes truncated', async (keep) => {
    const bytes = encodeExportHeader(sampleExportConfig()).subarray(0, keep);
    const err = await failure(file(bytes));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toMatch(/truncated/);
  });

  it('refuses bad JSON', async () => {
    const json = Buffer.from('{"version":1,');
    const bytes = Buffer.concat([encodeExportHeader(sampleExportConfig()).subarray(0, 16), json]);
    bytes.writeUInt32LE(8 + json.length, 4);
    const err = await failure(file(bytes));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('refuses a wrong OrbStack magic', async () => {
    const bytes = encodeExportHeader(sampleExportConfig());
    bytes.writeUInt32LE(0xdeadbeef, 8);
    expect((await failure(file(bytes))).message).toMatch(/magic number/);
  });

  it('refuses an unknown format version (frame and JSON)', async () => {
    expect((await failure(file(encodeExportHeader(sampleExportConfig(), 2)))).message).toMatch(
      /format version 2/,
    );
    const v2 = encodeExportHeader({ ...sampleExportConfig(), version: 2 });
    expect((await failure(file(v2))).message).toMatch(/version 2/);
  });

  it('names the field that is missing or wrong', async () => {
    const { record: _record, ...noRecord } = sampleExportConfig();
    const bytes = encodeExportHeader(noRecord as never);
    const err = await failure(file(bytes));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toMatch(/"record"/);
  });

  it('refuses a header whose machine name would read differently from what it is', async () => {
    const config = sampleExportConfig();
    const bytes = encodeExportHeader({ ...config, record: { ...config.record, name: 'web\u202Eputes' } });
    const err = await failure(file(bytes));
    expect(err.code).toBe('BAD_EXPORT_FILE');
    expect(err.message).toBe(
      "The export's header is not plain text: The machine's name cannot hold control characters, line breaks or right-to-left marks.",
    );
  });

  it('gives INVALID_INPUT for a missing file, a folder and an unreadable path', async () => {
    const missing = await failure(join(dir, 'nope.tar.zst'));
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.message).toMatch(/No file at/);
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const isDir = await failure(folder);
    expect(isDir.code).toBe('INVALID_INPUT');
    expect(isDir.message).toMatch(/folder/);
    const notDir = await failure(join(file('x'), 'child'));
    expect(notDir.code).toBe('INVALID_INPUT');
  });

  it.skipIf(process.getuid?.() === 0)('gives INVALID_INPUT for a file without read permission', async () => {
    const path = file(encodeExportHeader(sampleExportConfig()));
    chmodSync(path, 0o000);
    const err = await failure(path);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/permission denied/);
  });
});

describe('parseExportHeader / parseExportConfig', () => {
  it('parses a header held in memory', () => {
    const config = sampleExportConfig();
    expect(parseExportHeader(encodeExportHeader(config))).toEqual(config);
  });

  it('tolerates a missing isolated flag (older exports)', () => {
    const config = sampleExportConfig();
    const text = JSON.stringify({
      ...config,
      record: { ...config.record, config: { default_username: 'me' } },
    });
    expect(parseExportConfig(text).record.config.default_username).toBe('me');
  });
});

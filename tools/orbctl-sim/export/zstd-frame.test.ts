import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_BLOCK_SIZE,
  RawZstdFrameEncoder,
  ZstdStreamDecoder,
  encodeRawBlock,
  encodeRawZstdFrame,
  encodeZstdFrameHeader,
} from './zstd-frame';
import { encodeExportHeader } from './encode-header';
import { sampleExportConfig } from '../../../test/helpers/export-files';

const hasZstd = spawnSync('zstd', ['--version']).status === 0;

function decodeAll(bytes: Buffer, step = bytes.length || 1): Buffer {
  const decoder = new ZstdStreamDecoder();
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += step) out.push(...decoder.push(bytes.subarray(i, i + step)));
  decoder.end();
  return Buffer.concat(out);
}

describe('raw-block zstd frames', () => {
  it.each([0, 1, 1000, MAX_BLOCK_SIZE, MAX_BLOCK_SIZE + 1, 3 * MAX_BLOCK_SIZE + 17])(
    'round-trip %i bytes',
    (size) => {
      const data = randomBytes(size);
      const frame = encodeRawZstdFrame(data);
      expect(frame.readUInt32LE(0)).toBe(0xfd2fb528);
      expect(decodeAll(frame).equals(data)).toBe(true);
    },
  );

  it('streams in pieces and decodes when fed byte by byte', () => {
    const data = randomBytes(2000);
    const encoder = new RawZstdFrameEncoder();
    const frame = Buffer.concat([
      encoder.push(data.subarray(0, 7)),
      encoder.push(data.subarray(7)),
      encoder.finish(),
    ]);
    expect(decodeAll(frame, 1).equals(data)).toBe(true);
  });

  it('skips skippable frames (the OrbStack header) and reads concatenated frames', () => {
    const a = Buffer.from('first ');
    const b = Buffer.from('second');
    const bytes = Buffer.concat([
      encodeExportHeader(sampleExportConfig()),
      encodeRawZstdFrame(a),
      encodeRawZstdFrame(b),
    ]);
    expect(decodeAll(bytes, 5).toString()).toBe('first second');
  });

  it('decodes RLE blocks', () => {
    const header = (5 << 3) | (1 << 1) | 1; // 5 bytes, RLE, last
    const bytes = Buffer.concat([
      encodeZstdFrameHeader(),
      Buffer.from([header & 0xff, header >> 8, 0, 0x41]),
    ]);
    expect(decodeAll(bytes).toString()).toBe('AAAAA');
  });

  it('reports a wrong magic like Go does', () => {
    expect(() => decodeAll(Buffer.from('PK\x03\x04 zip file'))).toThrow(
      'invalid input: magic number mismatch',
    );
  });

  it('reports a stream cut inside a frame as unexpected EOF', () => {
    const frame = encodeRawZstdFrame(randomBytes(1000));
    expect(() => decodeAll(frame.subarray(0, 500))).toThrow('unexpected EOF');
    expect(() => decodeAll(frame.subarray(0, 5))).toThrow('unexpected EOF');
  });

  it('recognises compressed blocks without pretending to decode them', () => {
    const header = (10 << 3) | (2 << 1) | 1;
    const bytes = Buffer.concat([encodeZstdFrameHeader(), Buffer.from([header & 0xff, header >> 8, 0])]);
    expect(() => decodeAll(bytes)).toThrow(/compressed/);
  });

  it('refuses a raw block larger than zstd allows', () => {
    expect(() => encodeRawBlock(Buffer.alloc(MAX_BLOCK_SIZE + 1), true)).toThrow(RangeError);
  });

  it.skipIf(!hasZstd)('is accepted by the zstd tool, and reads what zstd stores raw', () => {
    const data = randomBytes(300_000);
    const frame = Buffer.concat([encodeExportHeader(sampleExportConfig()), encodeRawZstdFrame(data)]);
    const decoded = execFileSync('zstd', ['-d', '-c', '-q'], { input: frame, maxBuffer: 1 << 24 });
    expect(decoded.equals(data)).toBe(true);
    // Random data does not compress, so zstd stores it in raw blocks (with content size and checksum).
    const byZstd = execFileSync('zstd', ['-c', '-q', '-1'], { input: data, maxBuffer: 1 << 24 });
    expect(decodeAll(byZstd, 4096).equals(data)).toBe(true);
  });
});

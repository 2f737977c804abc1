/**
 * Just enough zstd for machine exports without a compression library: writing frames made of *raw* (stored)
 * blocks, which every zstd decoder accepts (`zstd -d`, OrbStack's importer), and a streaming reader for frames
 * made of raw and RLE blocks that skips skippable frames. Compressed blocks are recognised but not decoded.
 * Format: RFC 8878.
 */
import { ZSTD_FRAME_MAGIC, isSkippableMagic } from '../../../shared/export-layout';

/** The largest block zstd allows (and our window allows). */
export const MAX_BLOCK_SIZE = 128 * 1024;

/** Frame header: magic, descriptor 0 (no content size, no checksum, no dictionary), window 128 KiB. */
export function encodeZstdFrameHeader(): Buffer {
  const out = Buffer.alloc(6);
  out.writeUInt32LE(ZSTD_FRAME_MAGIC, 0);
  out[4] = 0x00;
  out[5] = 7 << 3; // Window_Descriptor: exponent 7 → 2^(10+7) = 128 KiB, mantissa 0
  return out;
}

/** One raw block: a 3-byte little-endian header (last flag, type 0, size) and the bytes themselves. */
export function encodeRawBlock(data: Buffer, last: boolean): Buffer {
  if (data.length > MAX_BLOCK_SIZE)
    throw new RangeError(`raw block of ${data.length} bytes exceeds ${MAX_BLOCK_SIZE}`);
  const header = (data.length << 3) | (last ? 1 : 0);
  const out = Buffer.alloc(3 + data.length);
  out[0] = header & 0xff;
  out[1] = (header >>> 8) & 0xff;
  out[2] = (header >>> 16) & 0xff;
  data.copy(out, 3);
  return out;
}

/**
 * Streams bytes into a raw-block frame. Every push is written out at once as non-final blocks (so a file being
 * written grows steadily and a partial file holds everything pushed so far); `finish()` closes the frame with
 * an empty last block, as zstd's own streaming encoder may do. Each call returns the bytes to append.
 */
export class RawZstdFrameEncoder {
  private started = false;

  private start(out: Buffer[]): void {
    if (!this.started) out.push(encodeZstdFrameHeader());
    this.started = true;
  }

  push(data: Buffer): Buffer {
    const out: Buffer[] = [];
    this.start(out);
    for (let at = 0; at < data.length; at += MAX_BLOCK_SIZE) {
      out.push(encodeRawBlock(data.subarray(at, at + MAX_BLOCK_SIZE), false));
    }
    return Buffer.concat(out);
  }

  finish(): Buffer {
    const out: Buffer[] = [];
    this.start(out);
    out.push(encodeRawBlock(Buffer.alloc(0), true));
    return Buffer.concat(out);
  }
}

/** A whole raw-block zstd frame holding `data`. */
export function encodeRawZstdFrame(data: Buffer): Buffer {
  const encoder = new RawZstdFrameEncoder();
  return Buffer.concat([encoder.push(data), encoder.finish()]);
}

/** The texts follow Go's zstd decoder so the simulator can quote them in orbctl's error messages. */
export class ZstdFormatError extends Error {
  override readonly name = 'ZstdFormatError';
}

type Phase =
  | { kind: 'magic' }
  | { kind: 'skip'; left: number }
  | { kind: 'frame-header' }
  | { kind: 'block-header' }
  | { kind: 'raw'; left: number; last: boolean }
  | { kind: 'rle'; size: number; last: boolean }
  | { kind: 'checksum' };

/**
 * Push-based reader: feed file bytes with `push()`, get decompressed bytes back; call `end()` at end of file
 * to learn whether the stream stopped inside a frame.
 */
export class ZstdStreamDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private phase: Phase = { kind: 'magic' };
  private checksum = false;
  /** Number of ordinary (non-skippable) frames begun so far. */
  framesSeen = 0;

  push(input: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? input : Buffer.concat([this.buffer, input]);
    const out: Buffer[] = [];
    for (;;) {
      const produced = this.step();
      if (produced === null) break;
      if (produced.length > 0) out.push(produced);
    }
    return out;
  }

  /** True when the input ended cleanly between frames. */
  get atFrameBoundary(): boolean {
    return this.phase.kind === 'magic' && this.buffer.length === 0;
  }

  end(): void {
    if (!this.atFrameBoundary) throw new ZstdFormatError('unexpected EOF');
  }

  private take(n: number): Buffer | null {
    if (this.buffer.length < n) return null;
    const head = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return head;
  }

  /** Advances one step; returns output bytes (possibly empty) or null when more input is needed. */
  private step(): Buffer | null {
    const phase = this.phase;
    switch (phase.kind) {
      case 'magic': {
        const b = this.take(4);
        if (!b) return null;
        const magic = b.readUInt32LE(0);
        if (magic === ZSTD_FRAME_MAGIC) {
          this.framesSeen++;
          this.phase = { kind: 'frame-header' };
        } else if (isSkippableMagic(magic)) {
          const size = this.take(4);
          if (!size) {
            this.buffer = Buffer.concat([b, this.buffer]);
            return null;
          }
          this.phase = { kind: 'skip', left: size.readUInt32LE(0) };
        } else {
          throw new ZstdFormatError('invalid input: magic number mismatch');
        }
        return Buffer.alloc(0);
      }
      case 'skip': {
        const n = Math.min(phase.left, this.buffer.length);
        this.buffer = this.buffer.subarray(n);
        const left = phase.left - n;
        this.phase = left === 0 ? { kind: 'magic' } : { kind: 'skip', left };
        return left === 0 ? Buffer.alloc(0) : null;
      }
      case 'frame-header': {
        if (this.buffer.length < 1) return null;
        const fhd = this.buffer[0] ?? 0;
        if (fhd & 0x08) throw new ZstdFormatError('invalid input: reserved bit set in frame header');
        const singleSegment = (fhd & 0x20) !== 0;
        const fcsFlag = fhd >> 6;
        const didSize = [0, 1, 2, 4][fhd & 0x03] ?? 0;
        const fcsSize = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag] ?? 0;
        const size = 1 + (singleSegment ? 0 : 1) + didSize + fcsSize;
        if (!this.take(size)) return null;
        this.checksum = (fhd & 0x04) !== 0;
        this.phase = { kind: 'block-header' };
        return Buffer.alloc(0);
      }
      case 'block-header': {
        const b = this.take(3);
        if (!b) return null;
        const header = b[0]! | (b[1]! << 8) | (b[2]! << 16);
        const last = (header & 1) === 1;
        const type = (header >> 1) & 3;
        const size = header >>> 3;
        if (size > MAX_BLOCK_SIZE) throw new ZstdFormatError('invalid input: block size exceeds maximum');
        if (type === 0) this.phase = { kind: 'raw', left: size, last };
        else if (type === 1) this.phase = { kind: 'rle', size, last };
        else if (type === 2)
          throw new ZstdFormatError('compressed zstd blocks are not supported by this reader');
        else throw new ZstdFormatError('invalid input: reserved block type');
        if (type === 0 && size === 0) this.finishBlock(last);
        return Buffer.alloc(0);
      }
      case 'raw': {
        if (this.buffer.length === 0) return null;
        const n = Math.min(phase.left, this.buffer.length);
        const chunk = this.take(n)!;
        const left = phase.left - n;
        if (left === 0) this.finishBlock(phase.last);
        else this.phase = { kind: 'raw', left, last: phase.last };
        return chunk;
      }
      case 'rle': {
        const b = this.take(1);
        if (!b) return null;
        this.finishBlock(phase.last);
        return Buffer.alloc(phase.size, b[0]);
      }
      case 'checksum': {
        if (!this.take(4)) return null;
        this.phase = { kind: 'magic' };
        return Buffer.alloc(0);
      }
    }
  }

  private finishBlock(last: boolean): void {
    if (!last) this.phase = { kind: 'block-header' };
    else this.phase = this.checksum ? { kind: 'checksum' } : { kind: 'magic' };
  }
}

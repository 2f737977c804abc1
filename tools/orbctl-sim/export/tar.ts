/**
 * The small part of ustar that exports need: writing headers for files and folders, and a streaming parser that
 * understands ustar, V7, PAX path records and GNU long names (what bsdtar and Go's archive/tar produce). Error
 * texts follow Go's archive/tar so the simulator can quote them.
 */

export const TAR_BLOCK = 512;
/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(2 * TAR_BLOCK);

export interface TarEntryHeader {
  name: string;
  size: number;
  /** '0' file, '5' folder, others passed through. */
  type: string;
  mode: number;
  mtime: number;
}

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new RangeError(`tar field too long: ${value}`);
  bytes.copy(block, offset);
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  writeString(block, offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
}

/** Splits a long path into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a slash. */
function splitName(name: string): [prefix: string, name: string] {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let i = name.lastIndexOf('/', name.length - 2); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return [prefix, rest];
  }
  throw new RangeError(`tar path too long: ${name}`);
}

/** A 512-byte ustar header. Sizes up to 8 GiB (11 octal digits). */
export function encodeTarHeader(entry: TarEntryHeader): Buffer {
  const block = Buffer.alloc(TAR_BLOCK);
  const [prefix, name] = splitName(entry.name);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, entry.mode);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, entry.size);
  writeOctal(block, 136, 12, Math.floor(entry.mtime));
  block.fill(0x20, 148, 156);
  writeString(block, 156, 1, entry.type);
  writeString(block, 257, 6, 'ustar\0');
  writeString(block, 263, 2, '00');
  writeString(block, 265, 32, 'root');
  writeString(block, 297, 32, 'root');
  writeString(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

/** Zero bytes that pad `size` bytes of data up to the next 512-byte boundary. */
export function tarPadding(size: number): Buffer {
  const rest = size % TAR_BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : TAR_BLOCK - rest);
}

/** Header, data and padding of one small file. */
export function encodeTarFile(name: string, data: Buffer, mtime: number, mode = 0o644): Buffer {
  return Buffer.concat([
    encodeTarHeader({ name, size: data.length, type: '0', mode, mtime }),
    data,
    tarPadding(data.length),
  ]);
}

export function encodeTarDir(name: string, mtime: number, mode = 0o755): Buffer {
  return encodeTarHeader({ name: name.endsWith('/') ? name : `${name}/`, size: 0, type: '5', mode, mtime });
}

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

function readNumber(block: Buffer, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length);
  if ((field[0] ?? 0) & 0x80) {
    // GNU base-256 for large values.
    let value = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = readString(block, offset, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('archive/tar: invalid tar header');
  return parseInt(text, 8);
}

function checksumMatches(block: Buffer): boolean {
  const stored = readNumber(block, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** Reads one header block; null for a zero block. */
export function decodeTarHeader(block: Buffer): TarEntryHeader | null {
  if (block.every((b) => b === 0)) return null;
  if (!checksumMatches(block)) throw new TarFormatError('archive/tar: invalid tar header');
  let name = readString(block, 0, 100);
  if (readString(block, 257, 5) === 'ustar') {
    const prefix = readString(block, 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  const type = String.fromCharCode(block[156] || 0x30);
  return {
    name,
    size: readNumber(block, 124, 12),
    type,
    mode: readNumber(block, 100, 8),
    mtime: readNumber(block, 136, 12),
  };
}

export type TarEvent =
  { kind: 'entry'; entry: TarEntryHeader } | { kind: 'data'; chunk: Buffer } | { kind: 'end' };

/** PAX records: "LEN key=value\n". Only `path` and `size` matter here. */
function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  const text = data.toString('utf8');
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    const length = parseInt(text.slice(at, space), 10);
    if (space === -1 || !Number.isFinite(length) || length <= 0) break;
    const record = text.slice(space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/** Push-based tar reader: feed bytes, get entries and their data back in order. */
export class TarStreamParser {
  private buffer: Buffer = Buffer.alloc(0);
  private dataLeft = 0;
  private padLeft = 0;
  private zeroBlocks = 0;
  private meta: { kind: 'pax' | 'global' | 'longname'; parts: Buffer[] } | null = null;
  private override: { path?: string; size?: number } = {};
  ended = false;
  entries = 0;

  push(input: Buffer): TarEvent[] {
    this.buffer = this.buffer.length === 0 ? input : Buffer.concat([this.buffer, input]);
    const events: TarEvent[] = [];
    while (!this.ended) {
      if (this.dataLeft > 0) {
        if (this.buffer.length === 0) break;
        const n = Math.min(this.dataLeft, this.buffer.length);
        const chunk = this.buffer.subarray(0, n);
        this.buffer = this.buffer.subarray(n);
        this.dataLeft -= n;
        if (this.meta) this.meta.parts.push(chunk);
        else events.push({ kind: 'data', chunk });
        if (this.dataLeft === 0 && this.meta) this.finishMeta();
        continue;
      }
      if (this.padLeft > 0) {
        const n = Math.min(this.padLeft, this.buffer.length);
        if (n === 0) break;
        this.buffer = this.buffer.subarray(n);
        this.padLeft -= n;
        continue;
      }
      if (this.buffer.length < TAR_BLOCK) break;
      const block = this.buffer.subarray(0, TAR_BLOCK);
      this.buffer = this.buffer.subarray(TAR_BLOCK);
      const header = decodeTarHeader(block);
      if (header === null) {
        if (++this.zeroBlocks === 2) {
          this.ended = true;
          events.push({ kind: 'end' });
        }
        continue;
      }
      if (this.zeroBlocks > 0) throw new TarFormatError('archive/tar: invalid tar header');
      this.startEntry(header, events);
    }
    return events;
  }

  /** True when the archive's end marker was read (or the input stopped after a single zero block). */
  get complete(): boolean {
    return this.ended;
  }

  private startEntry(header: TarEntryHeader, events: TarEvent[]): void {
    this.padLeft = tarPadding(header.size).length;
    this.dataLeft = header.size;
    if (header.type === 'x' || header.type === 'g' || header.type === 'L') {
      const kind = header.type === 'x' ? 'pax' : header.type === 'g' ? 'global' : 'longname';
      this.meta = { kind, parts: [] };
      if (header.size === 0) this.finishMeta();
      return;
    }
    const entry = { ...header };
    if (this.override.path !== undefined) entry.name = this.override.path;
    if (this.override.size !== undefined) {
      entry.size = this.override.size;
      this.dataLeft = entry.size;
      this.padLeft = tarPadding(entry.size).length;
    }
    this.override = {};
    this.entries++;
    events.push({ kind: 'entry', entry });
  }

  private finishMeta(): void {
    const meta = this.meta;
    this.meta = null;
    if (!meta) return;
    const data = Buffer.concat(meta.parts);
    if (meta.kind === 'global') return; // nothing in a global PAX header matters here
    if (meta.kind === 'longname') {
      this.override.path = readString(data, 0, data.length);
    } else {
      const records = parsePax(data);
      if (records.path !== undefined) this.override.path = records.path;
      if (records.size !== undefined) this.override.size = Number(records.size);
    }
  }
}

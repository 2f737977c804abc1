import { closeSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_ENTRY_NAME, ROOTFS_PREFIX } from '../../../shared/export-layout';
import { TarFormatError, TarStreamParser, type TarEntryHeader } from './tar';
import { ZstdFormatError, ZstdStreamDecoder } from './zstd-frame';
import { goErrnoText } from '../failure';
import { SIM_META_DIR, SIM_META_ENTRY } from './payload';

/**
 * Reads an export the way OrbStack's importer does (scon/import.go): first the config from the first ten tar
 * entries, then the whole archive ("extract"). Problems are classified by stage so the import command can word
 * them as orbctl would.
 */
export class ImportProblem extends Error {
  override readonly name = 'ImportProblem';
  constructor(
    readonly stage: 'config' | 'extract',
    readonly kind: 'format' | 'truncated' | 'missing-config' | 'io',
    message: string,
  ) {
    super(message);
  }
}

/** How many entries the importer looks through for the config. */
const CONFIG_SEARCH_ENTRIES = 10;
const CHUNK = 256 * 1024;

type Collector =
  { kind: 'config' | 'meta'; size: number; parts: Buffer[] } | { kind: 'file'; fd: number } | null;

const normalise = (name: string): string => name.replace(/^\.\//, '');

export class ImportReader {
  readonly fd: number;
  bytesRead = 0;
  private readonly decoder = new ZstdStreamDecoder();
  private readonly tar = new TarStreamParser();
  private collector: Collector = null;
  private eof = false;
  /** Raw text of the config entry, once read in full. */
  configText: string | null = null;
  metaText: string | null = null;
  sawRootfs = false;

  /** `stagingRootfs`: where the machine's files are written (simulator bookkeeping and filler are skipped). */
  constructor(
    readonly path: string,
    readonly fileSize: number,
    private readonly stagingRootfs: string,
  ) {
    this.fd = openSync(path, 'r');
  }

  private closed = false;

  /** Idempotent: a second close must not close an fd number the process has reused meanwhile. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.closeCollector();
    closeSync(this.fd);
  }

  get done(): boolean {
    return this.eof;
  }

  /** Reads the next chunk of the file and processes it; returns false at end of file. */
  step(stage: 'config' | 'extract'): boolean {
    if (this.eof) return false;
    const buffer = Buffer.alloc(CHUNK);
    let n: number;
    try {
      n = readSync(this.fd, buffer, 0, CHUNK, null);
    } catch (err) {
      throw new ImportProblem(stage, 'io', `read ${this.path}: ${goErrnoText(err)}`);
    }
    if (n === 0) {
      this.eof = true;
      this.finish(stage);
      return false;
    }
    this.bytesRead += n;
    try {
      for (const out of this.decoder.push(buffer.subarray(0, n))) this.handle(this.tar.push(out));
    } catch (err) {
      if (err instanceof ZstdFormatError || err instanceof TarFormatError) {
        throw new ImportProblem(stage, 'format', err.message);
      }
      throw err;
    }
    return true;
  }

  /** Reads until the config entry is complete; throws the "read config" family otherwise. */
  readConfig(): string {
    for (;;) {
      if (this.configText !== null) return this.configText;
      const searched = this.tar.entries > CONFIG_SEARCH_ENTRIES || this.tar.complete;
      if (searched || !this.step('config')) {
        if (this.configText !== null) return this.configText;
        throw new ImportProblem('config', 'missing-config', 'config entry not found');
      }
    }
  }

  private finish(stage: 'config' | 'extract'): void {
    const inFrame = !this.decoder.atFrameBoundary;
    if (stage === 'config' && this.configText === null) {
      if (inFrame || this.collector !== null) throw new ImportProblem(stage, 'truncated', 'unexpected EOF');
      return;
    }
    if (inFrame || !this.tar.complete) throw new ImportProblem(stage, 'truncated', 'unexpected EOF');
  }

  private closeCollector(): void {
    const c = this.collector;
    if (c?.kind === 'file') closeSync(c.fd);
    if ((c?.kind === 'config' || c?.kind === 'meta') && c.parts.reduce((n, p) => n + p.length, 0) >= c.size) {
      const text = Buffer.concat(c.parts).toString('utf8');
      if (c.kind === 'config') this.configText = text;
      else this.metaText = text;
    }
    this.collector = null;
  }

  private startEntry(entry: TarEntryHeader): void {
    this.closeCollector();
    const name = normalise(entry.name);
    if (name === CONFIG_ENTRY_NAME) {
      this.collector = { kind: 'config', size: entry.size, parts: [] };
    } else if (name === SIM_META_ENTRY) {
      this.collector = { kind: 'meta', size: entry.size, parts: [] };
    }
    if (name === ROOTFS_PREFIX.slice(0, -1) || name.startsWith(ROOTFS_PREFIX)) this.sawRootfs = true;
    if (!name.startsWith(ROOTFS_PREFIX) || name.startsWith(SIM_META_DIR) || this.collector !== null) return;
    const rel = name.slice(ROOTFS_PREFIX.length).replace(/\/$/, '');
    // Never write outside the staging folder.
    if (rel === '' || rel.split('/').some((part) => part === '..' || part === '')) return;
    const target = join(this.stagingRootfs, rel);
    if (entry.type === '5') mkdirSync(target, { recursive: true });
    else if (entry.type === '0') {
      mkdirSync(dirname(target), { recursive: true });
      this.collector = { kind: 'file', fd: openSync(target, 'w') };
    }
  }

  private handle(events: ReturnType<TarStreamParser['push']>): void {
    for (const e of events) {
      if (e.kind === 'entry') this.startEntry(e.entry);
      else if (e.kind === 'end') this.closeCollector();
      else {
        const c = this.collector;
        if (c?.kind === 'file') writeSync(c.fd, e.chunk);
        else if (c) {
          c.parts.push(e.chunk);
          if (c.parts.reduce((n, p) => n + p.length, 0) >= c.size) this.closeCollector();
        }
      }
    }
    // An empty config entry is complete as soon as it starts.
    const c = this.collector;
    if ((c?.kind === 'config' || c?.kind === 'meta') && c.size === 0) this.closeCollector();
  }
}

/**
 * The operation log (ORBDECK_DATA_DIR/logs/orbdeck.log): one line per orbctl call and per job, written by the
 * timing wrapper. Lines are appended in batches, one write per tick however many arrive, and the file is
 * rotated by size. A log that cannot be written never fails an operation: the error is kept for whoever asks.
 */
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

const DEFAULT_MAX_LOG_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_LOG_BACKUPS = 2;

export class OperationLog {
  private pending: string[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private size: number | undefined;
  private closed = false;
  private lastError: Error | undefined;

  constructor(
    readonly path: string,
    private readonly maxBytes = DEFAULT_MAX_LOG_BYTES,
    private readonly maxBackups = DEFAULT_MAX_LOG_BACKUPS,
  ) {}

  /** The last write error, if any (shown by whoever cares; logging must never break an operation). */
  get error(): Error | undefined {
    return this.lastError;
  }

  write(line: string): void {
    if (this.closed) return;
    this.pending.push(line);
    if (this.scheduled) return;
    this.scheduled = true;
    // One append per tick however many lines arrive: cheap for bursts, still prompt.
    setImmediate(() => {
      this.scheduled = false;
      this.chain = this.chain.then(() => this.drain());
    });
  }

  /** Resolves when everything written so far is on disk. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) this.chain = this.chain.then(() => this.drain());
    await this.chain;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private async drain(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    try {
      if (this.size === undefined) {
        await mkdir(dirname(this.path), { recursive: true });
        this.size = await stat(this.path).then(
          (s) => s.size,
          () => 0,
        );
      }
      const bytes = Buffer.byteLength(text);
      if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
      await appendFile(this.path, text);
      this.size += bytes;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      this.size = undefined;
    }
  }

  private async rotate(): Promise<void> {
    for (let i = this.maxBackups - 1; i >= 1; i--) {
      await rename(`${this.path}.${i}`, `${this.path}.${i + 1}`).catch(() => undefined);
    }
    if (this.maxBackups >= 1) await rename(this.path, `${this.path}.1`);
    else await appendFile(this.path, '', { flag: 'w' });
    this.size = 0;
  }
}

// Real storage faults for tests: a tiny tmpfs that can be filled up or remounted read-only. Mounting needs
// root on Linux; elsewhere `tinyDiskSupported` is false and the tests that need it are skipped (the same
// cases also run everywhere through an injected failing writer).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function mount(args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function probe(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-disk-probe-'));
  const ok = mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  if (ok) execFileSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

export const tinyDiskSupported = probe();

export interface TinyDisk {
  readonly dir: string;
  /** Fills every free block (a file named `filler`). */
  fill(): void;
  /** Frees what `fill` took. */
  free(): void;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

export function tinyDisk(sizeKb = 256): TinyDisk {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-disk-'));
  if (!mount(['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])) throw new Error('cannot mount a tmpfs');
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      try {
        writeFileSync(filler, Buffer.alloc(sizeKb * 1024 * 2));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly() {
      execFileSync('mount', ['-o', 'remount,ro', dir]);
    },
    writable() {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    },
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

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

/**
 * Remounting read-only and unmounting fail with "busy" while a write is in flight (the core appends its log
 * and journal asynchronously): try again for a while, as a person would, rather than fail the test.
 */
async function whenNotBusy(args: string[], command = 'mount'): Promise<void> {
  const until = Date.now() + 5_000;
  for (;;) {
    try {
      execFileSync(command, args, { stdio: 'pipe' });
      return;
    } catch (error) {
      const busy = /busy/.test(String((error as { stderr?: Buffer }).stderr ?? ''));
      if (!busy || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the write in flight finish
    }
  }
}

export interface TinyDisk {
  readonly dir: string;
  /** Fills every free block (a file named `filler`). */
  fill(): void;
  /** Frees what `fill` took. */
  free(): void;
  readOnly(): Promise<void>;
  writable(): void;
  unmount(): Promise<void>;
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
      return whenNotBusy(['-o', 'remount,ro', dir]);
    },
    writable() {
      execFileSync('mount', ['-o', 'remount,rw', dir]);
    },
    async unmount() {
      await whenNotBusy([dir], 'umount');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { simError } from '../failure';

/**
 * A cross-process lock: an atomic `mkdir`. The holder writes its pid and a token into the folder. Critical
 * sections are synchronous (read, change, write, release in one turn of the event loop), so a signal handler can
 * never run while the lock is held; only SIGKILL can leave it behind, and that is recovered here: a lock whose
 * pid is gone, or that is older than any critical section can be, is moved aside (rename is atomic, so only
 * one waiter takes it over) and removed.
 */

const STALE_AFTER_MS = 10_000;
/** A lock folder without an owner file yet is normal for a microsecond; after this it was abandoned. */
const OWNERLESS_STALE_AFTER_MS = 2_000;
const GIVE_UP_AFTER_MS = 15_000;

export interface LockOptions {
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the owner of an existing lock; null when there is none (or it vanished). */
function readOwner(lockDir: string): { text: string; pid: number } | null {
  try {
    const text = readFileSync(join(lockDir, 'owner'), 'utf8');
    return { text, pid: Number.parseInt(text, 10) };
  } catch {
    return null;
  }
}

/** True when the lock at `lockDir` was abandoned. */
export function lockIsStale(lockDir: string, now: number): boolean {
  let age: number;
  try {
    age = now - statSync(lockDir).mtimeMs;
  } catch {
    return false; // released meanwhile
  }
  const owner = readOwner(lockDir);
  if (owner === null) return age > OWNERLESS_STALE_AFTER_MS;
  if (Number.isInteger(owner.pid) && owner.pid > 0 && !pidAlive(owner.pid)) return true;
  return age > STALE_AFTER_MS;
}

function breakStaleLock(lockDir: string): void {
  const aside = `${lockDir}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockDir, aside);
  } catch {
    return; // someone else broke it first
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Runs `critical` while holding the lock in `dir`. `critical` must be synchronous: the lock is taken and
 * released in the same turn of the event loop, and the wait between attempts never holds it.
 */
export async function withLock<T>(dir: string, critical: () => T, options: LockOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const lockDir = join(dir, 'state.lock');
  const token = `${process.pid} ${randomBytes(6).toString('hex')}\n`;
  const started = now();
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lockDir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        mkdirSync(dir, { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw err;
      if (lockIsStale(lockDir, now())) {
        breakStaleLock(lockDir);
        continue;
      }
      if (now() - started > GIVE_UP_AFTER_MS) {
        const owner = readOwner(lockDir);
        throw simError(
          `state is locked by pid ${owner?.pid ?? '?'} (${lockDir}); remove that folder if it is stale`,
        );
      }
      await options.sleep(Math.min(2 + attempt, 20) * (0.5 + Math.random()));
      continue;
    }
    try {
      writeFileSync(join(lockDir, 'owner'), token);
      return critical();
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}

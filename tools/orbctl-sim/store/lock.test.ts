import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockIsStale, withLock } from './lock';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const dir = (): string => mkdtempSync(join(tmpdir(), 'sim-lock-'));

/** A pid that surely belongs to no process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('state lock', () => {
  it('is released after the critical section, also when it throws', async () => {
    const home = dir();
    await expect(withLock(home, () => 42, { sleep })).resolves.toBe(42);
    expect(existsSync(join(home, 'state.lock'))).toBe(false);
    await expect(
      withLock(
        home,
        () => {
          throw new Error('boom');
        },
        { sleep },
      ),
    ).rejects.toThrow('boom');
    expect(existsSync(join(home, 'state.lock'))).toBe(false);
  });

  it('waits for a live holder', async () => {
    const home = dir();
    const lock = join(home, 'state.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${process.pid} test\n`);
    let done = false;
    const waiting = withLock(home, () => (done = true), { sleep });
    await sleep(50);
    expect(done).toBe(false);
    expect(lockIsStale(lock, Date.now())).toBe(false);
    // The holder releases it.
    spawnSync('rm', ['-rf', lock]);
    await waiting;
    expect(done).toBe(true);
  });

  it('takes over a lock left by a process that died', async () => {
    const home = dir();
    const lock = join(home, 'state.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${deadPid()} gone\n`);
    expect(lockIsStale(lock, Date.now())).toBe(true);
    await expect(withLock(home, () => 'mine', { sleep })).resolves.toBe('mine');
  });

  it('takes over an ownerless lock only once it is old', async () => {
    const home = dir();
    const lock = join(home, 'state.lock');
    mkdirSync(lock);
    expect(lockIsStale(lock, Date.now())).toBe(false);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(lockIsStale(lock, Date.now())).toBe(true);
    await expect(withLock(home, () => 'mine', { sleep })).resolves.toBe('mine');
  });
});

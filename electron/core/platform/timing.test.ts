import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import { recordTimings } from '../../../test/helpers/timings';
import { Timing, type TimingRecord } from './timing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orbdeck-timing-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** performance.now() returning the given values in turn: durations become exact. */
function clock(...values: number[]): void {
  const spy = vi.spyOn(performance, 'now');
  for (const v of values) spy.mockReturnValueOnce(v);
}

const logLines = (path: string): string[] => readFileSync(path, 'utf8').trim().split('\n');

describe('Timing.time', () => {
  it('returns the result and records op, kind, machine, wall-clock start and monotonic duration', async () => {
    const timing = new Timing();
    const records = recordTimings(timing);
    clock(1000, 3500);
    const before = Date.now();
    const value = await timing.time('orbctl start ubuntu', () => 42, { kind: 'start', machine: 'ubuntu' });
    expect(value).toBe(42);
    const [r] = records;
    expect(r).toMatchObject({
      op: 'orbctl start ubuntu',
      kind: 'start',
      machine: 'ubuntu',
      outcome: 'ok',
      durationMs: 2500,
    });
    expect(r?.startedAt).toBeGreaterThanOrEqual(before);
    expect(r).not.toHaveProperty('error');
  });

  it('rethrows the same error and records it as failed, timeout or cancelled', async () => {
    const timing = new Timing();
    const records = recordTimings(timing);
    const boom = new Error('boom');
    await expect(timing.time('a', () => Promise.reject(boom))).rejects.toBe(boom);
    await expect(
      timing.time('b', () => Promise.reject(new AppError('TIMEOUT', 'took too long'))),
    ).rejects.toThrow();
    await expect(
      timing.time('c', () => Promise.reject(new AppError('CANCELLED', 'stopped'))),
    ).rejects.toThrow();
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    await expect(timing.time('d', () => Promise.reject(abort))).rejects.toBe(abort);
    expect(records.map((r) => [r.op, r.outcome, r.error])).toEqual([
      ['a', 'failed', 'boom'],
      ['b', 'timeout', 'took too long'],
      ['c', 'cancelled', 'stopped'],
      ['d', 'cancelled', 'aborted'],
    ]);
  });

  it('records bytes the timed function reports', async () => {
    const timing = new Timing();
    const records = recordTimings(timing);
    await timing.time('orbctl export vm', (span) => span.setBytes(1234), { kind: 'export' });
    expect(records[0]?.bytes).toBe(1234);
  });
});

describe('Timing.onRecord', () => {
  it('numbers records in order', async () => {
    const timing = new Timing();
    const records = recordTimings(timing);
    for (const op of ['1', '2', '3']) await timing.time(op, () => undefined);
    expect(records.map((r) => [r.op, r.seq])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
    ]);
  });

  it('tells listeners until disposed, and a throwing listener does not fail the operation', async () => {
    const timing = new Timing();
    const seen: TimingRecord[] = [];
    const dispose = timing.onRecord((r) => seen.push(r));
    timing.onRecord(() => {
      throw new Error('listener bug');
    });
    await expect(timing.time('x', () => 'fine')).resolves.toBe('fine');
    dispose();
    await timing.time('y', () => 'fine');
    expect(seen.map((r) => r.op)).toEqual(['x']);
  });
});

describe('the log file', () => {
  it('creates the folder and writes Starting / Completed / Failed lines with two decimals', async () => {
    const logFile = join(dir, 'logs', 'orbdeck.log');
    const timing = new Timing({ logFile });
    clock(0, 1234.5);
    await timing.time('orbctl list', () => []);
    clock(0, 400);
    await timing
      .time('orbctl start vm', () => Promise.reject(new AppError('NOT_FOUND', "No machine named 'vm'.")))
      .catch(() => undefined);
    await timing.flush();
    const lines = logLines(logFile);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO Starting orbctl list$/);
    expect(lines[1]).toMatch(/ INFO Completed orbctl list in 1\.23s$/);
    expect(lines[2]).toMatch(/ INFO Starting orbctl start vm$/);
    expect(lines[3]).toMatch(/ WARN Failed orbctl start vm after 0\.40s: No machine named 'vm'\.$/);
    await timing.close();
  });

  it('"failures" mode keeps polling quiet but still logs what went wrong', async () => {
    const logFile = join(dir, 'quiet.log');
    const timing = new Timing({ logFile });
    const records = recordTimings(timing);
    await timing.time('orbctl list', () => [], { log: 'failures' });
    await timing
      .time('orbctl list', () => Promise.reject(new Error('down')), { log: 'failures' })
      .catch(() => 0);
    // A call stopped on purpose (a background read giving way to an action) is no failure.
    const cancel = new AppError(ErrorCode.CANCELLED, 'orbctl info vm was cancelled.');
    await timing.time('orbctl info vm', () => Promise.reject(cancel), { log: 'failures' }).catch(() => 0);
    await timing.flush();
    expect(logLines(logFile)).toHaveLength(1);
    expect(logLines(logFile)[0]).toContain('Failed orbctl list after');
    expect(records.map((r) => r.outcome)).toEqual(['ok', 'failed', 'cancelled']);
  });

  it('rotates by size, keeping a bounded number of old files', async () => {
    const logFile = join(dir, 'rot.log');
    const timing = new Timing({ logFile, maxLogBytes: 2000, maxLogBackups: 2 });
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 10; i++) await timing.time(`op-${round}-${i}`, () => undefined);
      await timing.flush();
    }
    expect(statSync(logFile).size).toBeLessThanOrEqual(2000);
    expect(existsSync(`${logFile}.1`)).toBe(true);
    expect(existsSync(`${logFile}.2`)).toBe(true);
    expect(existsSync(`${logFile}.3`)).toBe(false);
    expect(readFileSync(logFile, 'utf8')).toContain('op-5-9');
  });

  it('a log that cannot be written never fails an operation; the error is kept', async () => {
    // A regular file where the log folder should be: unwritable even for root.
    writeFileSync(join(dir, 'blocker'), '');
    const timing = new Timing({ logFile: join(dir, 'blocker', 'logs', 'x.log') });
    await expect(timing.time('x', () => 1)).resolves.toBe(1);
    await timing.flush();
    expect(timing.logError).toBeInstanceOf(Error);
  });
});

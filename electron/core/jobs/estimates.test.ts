import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/jobs';
import { durationProgress, expectDuration, expectExport, exportProgress } from './estimates';

let n = 0;
const done = (
  kind: HistoryEntry['kind'],
  sourceBytes: number,
  bytes: number,
  durationMs: number,
): HistoryEntry => ({
  id: `job-${++n}`,
  kind,
  machine: 'm',
  title: kind,
  state: 'succeeded',
  createdAt: n,
  endedAt: n,
  cancellable: true,
  sourceBytes,
  bytes,
  durationMs,
});

const GB = 1e9;

describe('expectExport', () => {
  it('has nothing to say without history (indeterminate)', () => {
    expect(expectExport([], 2 * GB)).toEqual({ basis: 'no earlier exports to learn from yet' });
    expect(expectExport([done('export', GB, 0.4 * GB, 5000)], null).expectedBytes).toBeUndefined();
  });

  it('learns the compression ratio and gets closer as history grows', () => {
    const disk = 2 * GB;
    const actual = 0.4 * disk;
    // The first export was of an unusual machine; the next ones are typical.
    const history = [done('export', GB, 0.65 * GB, 4000)];
    const first = expectExport(history, disk);
    for (let i = 0; i < 4; i++) history.push(done('export', GB, (0.39 + i * 0.005) * GB, 4000));
    const later = expectExport(history, disk);
    expect(Math.abs(later.expectedBytes! - actual)).toBeLessThan(Math.abs(first.expectedBytes! - actual));
    expect(Math.abs(later.expectedBytes! - actual) / actual).toBeLessThan(0.03);
    expect(later.basis).toBe('estimate from 5 earlier exports');
  });

  it('ignores failed and cancelled exports', () => {
    const failed = { ...done('export', GB, 0.1 * GB, 100), state: 'failed' as const };
    expect(expectExport([failed], GB).expectedBytes).toBeUndefined();
  });
});

describe('expectDuration', () => {
  it('scales earlier throughput to the new size', () => {
    const history = [done('import', GB, GB, 10_000), done('import', 2 * GB, 2 * GB, 20_000)];
    expect(expectDuration(history, 'import', 3 * GB).durationMs).toBeCloseTo(30_000);
    expect(expectDuration(history, 'clone', GB).durationMs).toBeUndefined();
  });
});

describe('progress', () => {
  it('never claims 100 % before orbctl is done, and computes time left from the rate', () => {
    const p = exportProgress(500, 2000, { expectedBytes: 1000, basis: 'x' });
    expect(p).toMatchObject({ bytesDone: 500, bytesTotal: 1000, fraction: 0.5, etaMs: 2000 });
    expect(exportProgress(5000, 2000, { expectedBytes: 1000, basis: 'x' }).fraction).toBe(0.99);
  });

  it('stays indeterminate without an expectation', () => {
    const p = exportProgress(500, 2000, { basis: 'no earlier exports to learn from yet' });
    expect(p.fraction).toBeUndefined();
    expect(p.bytesDone).toBe(500);
    expect(durationProgress(1000, { basis: 'none' })).toEqual({ basis: 'none' });
    expect(durationProgress(1000, { durationMs: 4000, basis: 'b' })).toEqual({
      fraction: 0.25,
      etaMs: 3000,
      basis: 'b',
    });
  });
});

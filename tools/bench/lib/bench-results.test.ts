import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  perMinute,
  readResults,
  record,
  runSection,
  summaryLine,
  summaryTable,
  type Figure,
} from './bench-results.mjs';

describe('perMinute (the soak trend)', () => {
  it('gives the slope a minute of points that rise steadily', () => {
    expect(
      perMinute([
        [0, 70],
        [30, 71],
        [60, 72],
      ]),
    ).toBeCloseTo(2);
  });

  it('sees no trend in noise around a flat line, whatever the last sample', () => {
    const points: Array<[number, number]> = [0, 5, 10, 15, 20, 25, 30].map((t, i) => [t, i % 2 ? 82 : 78]);
    points.push([35, 78]);
    expect(Math.abs(perMinute(points))).toBeLessThan(2);
    expect(
      perMinute([
        [0, 80],
        [10, 76],
        [20, 80],
        [30, 76],
        [40, 80],
        [50, 76],
      ]),
    ).toBeLessThan(0);
  });

  it('is 0 with fewer than two points or no time between them', () => {
    expect(perMinute([])).toBe(0);
    expect(perMinute([[5, 70]])).toBe(0);
    expect(
      perMinute([
        [5, 70],
        [5, 90],
      ]),
    ).toBe(0);
  });
});

describe('failed sections', () => {
  let dir: string;
  const saved = { results: process.env.ORBDECK_BENCH_RESULTS, exitCode: process.exitCode };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    process.env.ORBDECK_BENCH_RESULTS = join(dir, 'figures.jsonl');
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterEach(() => {
    process.env.ORBDECK_BENCH_RESULTS = saved.results;
    process.exitCode = saved.exitCode;
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a section that throws, runs the next, and sets a failing exit code', async () => {
    await runSection('list', () => {
      throw new Error('ENOTEMPTY: directory not empty');
    });
    await runSection('roundtrip', () =>
      record({ id: 'x', figure: 'A figure', value: 3, unit: 'ms', target: { label: '≤ 5', limit: 5 } }),
    );
    const results = readResults(process.env.ORBDECK_BENCH_RESULTS!);
    expect(results.figures.map((f) => f.id)).toEqual(['x']);
    expect(results.failures).toEqual([{ failed: 'list', error: 'Error: ENOTEMPTY: directory not empty' }]);
    expect(process.exitCode).toBe(1);
    expect(summaryLine(results)).toBe(
      '1 of 1 targets met.\n1 section(s) FAILED: list (Error: ENOTEMPTY: directory not empty)',
    );
  });

  it('says only the targets met when every section ran', () => {
    const figures: Figure[] = [
      { id: 'a', figure: 'A', value: 3, unit: 'ms', target: { label: '≤ 5', limit: 5 } },
      { id: 'b', figure: 'B', value: 9, unit: 'ms', p95: 12, target: { label: '≤ 5', limit: 5 } },
    ];
    expect(summaryLine({ figures, failures: [] })).toBe('1 of 2 targets met.');
    expect(summaryTable(figures)).toContain('| B | 9.00 ms (p95 12.00) |');
  });
});

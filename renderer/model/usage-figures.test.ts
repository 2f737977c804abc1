import { describe, expect, it } from 'vitest';
import type { UsagePoint, UsageSample } from '../../shared/usage';
import { testMachine } from '../../test/helpers/fixtures';
import { sortMachines } from './machine-list';
import { describeTrend, formatPercent, formatUptime, rowFigures, thinOut } from './usage-figures';

const DAY = 86_400_000;

describe('usage as people read it', () => {
  it('writes percentages and uptime', () => {
    expect([formatPercent(4.56), formatPercent(42.4), formatPercent(null)]).toEqual(['4.6 %', '42 %', '—']);
    expect([formatUptime(42), formatUptime(3600 * 5 + 720), formatUptime(86_400 * 3 + 3600 * 4)]).toEqual([
      '42 s',
      '5 h 12 min',
      '3 d 4 h',
    ]);
  });

  it('says how the disk grew over the week, or since its first record', () => {
    const now = 100 * DAY;
    expect(describeTrend({ records: [], change: 3.2e9, since: now - 7 * DAY }, now)).toBe(
      'grew 3.2 GB this week',
    );
    expect(describeTrend({ records: [], change: -2e8, since: now - 7 * DAY }, now)).toBe(
      'shrank 200.0 MB this week',
    );
    expect(describeTrend({ records: [], change: 1000, since: now - 7 * DAY }, now)).toBe(
      'unchanged this week',
    );
    expect(describeTrend({ records: [], change: 5e9, since: now - 2 * DAY }, now)).toMatch(
      /^grew 5\.0 GB since /,
    );
    expect(describeTrend({ records: [], change: null, since: null }, now)).toBeNull();
  });

  it('thins the hour out for a small graph, leaving out points without the figure', () => {
    const points: UsagePoint[] = Array.from({ length: 10 }, (_, i) => ({
      at: i,
      cpu: i === 3 ? null : i,
      memoryUsedBytes: null,
    }));
    expect(thinOut(points, (p) => p.cpu, 20)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(thinOut(points, (p) => p.cpu, 3)).toEqual([1, 5, 8]);
  });

  it('gives a row its CPU, memory in use and a full filesystem’s mark', () => {
    const sample = {
      cpu: { ok: true, value: { percent: 12.5, cores: 4 } },
      memory: {
        ok: true,
        value: { totalBytes: 8e9, usedBytes: 1e9, availableBytes: 7e9, cacheBytes: 3e9, estimated: false },
      },
      filesystem: {
        ok: true,
        value: { mount: '/', totalBytes: 10, usedBytes: 9, freeBytes: 1, usedPercent: 93, readOnly: false },
      },
    } as unknown as UsageSample;
    expect(rowFigures(sample)).toEqual({ cpu: 12.5, memoryUsed: 1e9, memoryTotal: 8e9, diskFull: 93 });
    expect(rowFigures(null)).toEqual({ cpu: null, memoryUsed: null, memoryTotal: null, diskFull: null });
  });

  it('sorts the list by CPU from the rows’ samples, machines without one last', () => {
    const machines = ['a', 'b', 'c'].map((n) => testMachine(n));
    const figures = {
      a: { cpu: 5, memoryUsed: 3, memoryTotal: 10, diskFull: null },
      c: { cpu: 40, memoryUsed: 1, memoryTotal: 10, diskFull: null },
    };
    const names = (key: 'cpu' | 'memory', direction: 'asc' | 'desc') =>
      sortMachines(machines, { key, direction }, figures).map((m) => m.name);
    expect(names('cpu', 'desc')).toEqual(['c', 'a', 'b']);
    expect(names('cpu', 'asc')).toEqual(['a', 'c', 'b']);
    expect(names('memory', 'asc')).toEqual(['c', 'a', 'b']);
  });
});

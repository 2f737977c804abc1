import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatDuration } from './format';

describe('formatBytes (SI, like orbctl list)', () => {
  it.each([
    [512, '512 B'],
    [962_924_544, '962.9 MB'],
    [1_200_000_000, '1.2 GB'],
    [1000, '1.0 kB'],
    [null, '—'],
    [-1, '—'],
  ])('%s → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [400, '0.4 s'],
    [12_300, '12 s'],
    [185_000, '3 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('%s ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('formatAgo', () => {
  const now = new Date(2026, 11, 7, 12, 0, 0).getTime();
  it.each([
    [10_000, 'just now'],
    [50_000, '1 min ago'],
    [4 * 60_000, '4 min ago'],
    [3 * 3_600_000 + 60_000, '3 h ago'],
    [30 * 3_600_000, 'yesterday'],
  ])('%s ms ago → %s', (ago, text) => expect(formatAgo(now - ago, now)).toBe(text));

  it('gives a date, with its year only when it is another year', () => {
    expect(formatAgo(new Date(2026, 11, 3).getTime(), now)).not.toMatch(/2026/);
    expect(formatAgo(new Date(2025, 11, 3).getTime(), now)).toMatch(/2025/);
  });
});

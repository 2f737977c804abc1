import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './format';

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

import { describe, expect, it } from 'vitest';
import { perMinute } from './bench-results.mjs';

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

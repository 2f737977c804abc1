import { describe, expect, it } from 'vitest';
import { exportTotal, selectAllState } from './export-choices';

const machines = [
  { name: 'alpine', diskSize: 200_000_000 },
  { name: 'debian', diskSize: 1_000_000_000 },
  { name: 'fresh', diskSize: null },
];

describe('what an export of several machines takes', () => {
  it('adds up the disks of the chosen machines and says which are not measured', () => {
    expect(exportTotal(machines, ['alpine', 'debian'])).toBe('2 machines, 1.2 GB on disk');
    expect(exportTotal(machines, ['alpine', 'fresh'])).toBe(
      '2 machines, 200.0 MB on disk (and 1 not measured yet)',
    );
    expect(exportTotal(machines, ['fresh'])).toBe('1 machine, sizes not known yet');
    expect(exportTotal(machines, [])).toBe('No machine chosen');
  });

  it('ticks Select All when all are, and shows it mixed when some are', () => {
    expect(selectAllState(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(selectAllState(['a', 'b'], ['b'])).toBe('mixed');
    expect(selectAllState(['a', 'b'], [])).toBe(false);
  });
});

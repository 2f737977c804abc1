import { describe, expect, it } from 'vitest';
import { checkpointName, parseCheckpointName } from './checkpoint-names';
import { machineNameProblem } from './names';

// Checkpoint names (docs/checkpoints.md#names).
describe('checkpoint names', () => {
  const when = new Date(2026, 11, 1, 10, 15, 0);
  it('are legal machine names that say whose checkpoint they are and when it was saved', () => {
    const name = checkpointName('web', when, []);
    expect(name).toBe('web--cp-20261201-101500');
    expect(machineNameProblem(name)).toBeNull();
    expect(parseCheckpointName(name)).toEqual({ source: 'web', createdAt: when.getTime() });
  });
  it('take the next free variant in the same second, and keep dots and dashes of the machine', () => {
    expect(checkpointName('my.box-1', when, ['my.box-1--cp-20261201-101500'])).toBe(
      'my.box-1--cp-20261201-101500-2',
    );
    expect(parseCheckpointName('my.box-1--cp-20261201-101500-2')?.source).toBe('my.box-1');
  });
  it('stay within 63 characters for long machine names', () => {
    const name = checkpointName('a'.repeat(60), when, []);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(machineNameProblem(name)).toBeNull();
    expect(parseCheckpointName(name)).not.toBeNull();
  });
  it('are not confused with ordinary names', () => {
    for (const n of ['web', 'web-cp-20261201-101500', 'web--cp-2026120-101500', 'web--cp-20261201-101500x'])
      expect(parseCheckpointName(n)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { testMachine } from '../test/helpers/fixtures';
import { splitCheckpoints } from './checkpoint-records';
import type { CheckpointRecord } from './ipc/types';

const record = (name: string, extra: Partial<CheckpointRecord> = {}): CheckpointRecord => ({
  name,
  sourceName: 'web',
  sourceId: 'id-web',
  label: 'before',
  createdAt: 1,
  size: null,
  ...extra,
});

describe('splitCheckpoints', () => {
  it('takes a machine for a checkpoint only when a record names its id', () => {
    const machines = [
      testMachine('web', 'running', { id: 'id-web' }),
      testMachine('web--cp-20260101-000000', 'stopped', { id: 'a-persons-machine' }),
      testMachine('kept', 'stopped', { id: 'cp-1', diskSize: 5 }),
    ];
    const split = splitCheckpoints(machines, [record('web--cp-20261201-100000', { machineId: 'cp-1' })]);
    expect(split.machines.map((m) => m.name)).toEqual(['web', 'web--cp-20260101-000000']);
    // The record follows its machine's name and size.
    expect(split.checkpoints.map((c) => c.record)).toEqual([
      expect.objectContaining({ name: 'kept', machineId: 'cp-1', size: 5 }),
    ]);
  });

  it('matches a record from before ids were kept by its name, and hands it the id', () => {
    const machines = [testMachine('web--cp-20261201-100000', 'stopped', { id: 'cp-1' })];
    const split = splitCheckpoints(machines, [record('web--cp-20261201-100000')]);
    expect(split.machines).toEqual([]);
    expect(split.checkpoints[0]!.record.machineId).toBe('cp-1');
  });
});

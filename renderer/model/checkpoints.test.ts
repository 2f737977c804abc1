import { describe, expect, it } from 'vitest';
import type { CheckpointRecord } from '../../shared/ipc/types';
import type { Machine } from '../../shared/machine';
import { testMachine } from '../../test/helpers/fixtures';
import { checkpointCount, groupCheckpoints } from './checkpoints';

const machine = (name: string, id = `id-${name}`, extra: Partial<Machine> = {}): Machine =>
  testMachine(name, 'stopped', { id, ...extra });
const record = (name: string, extra: Partial<CheckpointRecord>): CheckpointRecord => ({
  name,
  sourceName: 'web',
  sourceId: 'id-web',
  label: name,
  createdAt: 1,
  size: 10,
  ...extra,
});

describe('groupCheckpoints', () => {
  it('hides checkpoints from the machines and puts them under their machine, newest first', () => {
    const machines = [
      machine('web'),
      machine('web--cp-20261201-100000', 'c1', { diskSize: 99 }),
      machine('db'),
      machine('web--cp-20261201-110000', 'c2'),
    ];
    const records = [
      record('web--cp-20261201-100000', { createdAt: 100, label: 'first' }),
      record('web--cp-20261201-110000', { createdAt: 200, label: 'second' }),
    ];
    const groups = groupCheckpoints(machines, records);
    expect(groups.machines.map((m) => m.name)).toEqual(['web', 'db']);
    expect(groups.byMachine.get('web')!.map((c) => [c.label, c.size])).toEqual([
      ['second', 10],
      ['first', 99],
    ]);
    expect(groups.byMachine.has('db')).toBe(false);
    expect(groups.orphans).toEqual([]);
  });

  it('follows a renamed machine by its id; a machine named like a checkpoint without a record is a machine', () => {
    const machines = [
      machine('renamed', 'id-web'),
      machine('web--cp-20261201-100000', 'c1'),
      machine('db--cp-20261201-120000', 'c2'),
      machine('db'),
    ];
    const groups = groupCheckpoints(machines, [record('web--cp-20261201-100000', { machineId: 'c1' })]);
    expect(groups.byMachine.get('renamed')!.map((c) => c.name)).toEqual(['web--cp-20261201-100000']);
    expect(groups.machines.map((m) => m.name)).toEqual(['renamed', 'db--cp-20261201-120000', 'db']);
    expect(groups.byMachine.has('db')).toBe(false);
    expect(groups.count).toBe(1);
  });

  it('knows a checkpoint by its machine’s id, not by a name another machine has taken since', () => {
    const machines = [machine('web'), machine('web--cp-20261201-100000', 'made-by-a-person')];
    const groups = groupCheckpoints(machines, [record('web--cp-20261201-100000', { machineId: 'c1' })]);
    expect(groups.machines.map((m) => m.name)).toEqual(['web', 'web--cp-20261201-100000']);
    expect(groups.count).toBe(0);
  });

  it('keeps checkpoints whose machine is gone apart, and ignores records whose machine no longer exists', () => {
    const groups = groupCheckpoints(
      [machine('old--cp-20261201-100000', 'c1')],
      [record('old--cp-20261201-100000', { sourceName: 'old', sourceId: 'gone' }), record('deleted', {})],
    );
    expect(groups.machines).toEqual([]);
    expect(groups.orphans.map((c) => c.name)).toEqual(['old--cp-20261201-100000']);
    expect([...groups.byMachine.keys()]).toEqual([]);
  });

  it('counts in words', () => {
    expect(checkpointCount(1)).toBe('1 checkpoint');
    expect(checkpointCount(3)).toBe('3 checkpoints');
  });
});

import { describe, expect, it } from 'vitest';
import type { MachinesSnapshot } from './ipc/types';
import type { Machine } from './machine';
import { applyMachinesChange, changesNothing, machinesChange } from './machines-change';
import { testMachine } from '../test/helpers/fixtures';

const snap = (
  machines: Machine[],
  version: number,
  extra: Partial<MachinesSnapshot> = {},
): MachinesSnapshot => ({
  machines,
  lastError: null,
  updatedAt: version * 1000,
  version,
  ...extra,
});

/** A small random number generator with a seed, so that a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

describe('machine list changes', () => {
  it('carries only the machines that changed, and the order only when it changed', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((n) => testMachine(n, 'stopped'));
    const before = snap([a!, b!, c!], 1);
    const started = { ...b!, state: 'running' as const };
    const change = machinesChange(before, snap([a!, started, c!], 2));
    expect(change).toMatchObject({ base: 1, version: 2, changed: [started], removed: [] });
    expect(change.order).toBeUndefined();
    const gone = machinesChange(before, snap([c!, a!], 2));
    expect(gone).toMatchObject({ changed: [], removed: [b!.id], order: [c!.id, a!.id] });
  });

  it('keeps the records and the array of what did not change', () => {
    const [a, b] = ['a', 'b'].map((n) => testMachine(n, 'stopped'));
    const before = snap([a!, b!], 1);
    const after = applyMachinesChange(before, machinesChange(before, snap([a!, { ...b!, diskSize: 9 }], 2)))!;
    expect(after.machines[0]).toBe(a);
    expect(after.machines[1]).toEqual({ ...b, diskSize: 9 });
    const onlyError = machinesChange(
      after,
      snap(after.machines, 3, { lastError: { code: 'TIMEOUT', message: 'x' } }),
    );
    expect(applyMachinesChange(after, onlyError)!.machines).toBe(after.machines);
    expect(changesNothing(onlyError, after)).toBe(false);
    expect(changesNothing(machinesChange(after, snap(after.machines, 3)), after)).toBe(true);
  });

  it('refuses a change made from another snapshot, or naming a machine it does not carry', () => {
    const [a, b] = ['a', 'b'].map((n) => testMachine(n, 'stopped'));
    const one = snap([a!], 1);
    const change = machinesChange(one, snap([a!, b!], 2));
    expect(applyMachinesChange(snap([a!], 5), change)).toBeNull();
    expect(applyMachinesChange(one, { ...change, changed: [] })).toBeNull();
    expect(applyMachinesChange(one, { ...change, order: undefined, changed: [b!] })).toBeNull();
  });

  it('applied in turn, the changes rebuild every list of a random walk', () => {
    const next = random(7);
    const names = Array.from({ length: 30 }, (_, i) => `m${i}`);
    let core = snap([], 0);
    let window = core;
    for (let step = 1; step <= 300; step++) {
      const machines = names
        .filter(() => next(4) > 0)
        .map((n) => ({
          ...testMachine(n, next(2) ? 'running' : 'stopped'),
          ...(next(3) ? {} : { diskSize: next(5) }),
        }));
      if (next(5) === 0) machines.reverse();
      const after = snap(machines, step);
      const change = machinesChange(core, after);
      window = applyMachinesChange(window, JSON.parse(JSON.stringify(change)))!;
      expect(window).toEqual(after);
      core = after;
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Machine } from '../../shared/machine';
import { filterMachines, heldRows, moveSelection, sortMachines, viewCounts } from './machine-list';
import { testMachine } from '../../test/helpers/fixtures';

const m = (name: string, state: string, distro = 'ubuntu', version = 'noble'): Machine =>
  testMachine(name, state, { id: name, distro, version });
const names = (list: Machine[]) => list.map((x) => x.name);
const machines = [
  m('web-10', 'stopped'),
  m('web-2', 'running'),
  m('db', 'starting', 'debian', 'bookworm'),
  m('Arch', 'weird-new-state', 'archlinux', 'current'),
];

describe('sortMachines', () => {
  it('orders a short list right after a long one, when the names it knew outnumber it', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      testMachine(`old-${i}`, 'stopped', { id: `old-${i}` }),
    );
    sortMachines([...many, ...machines], { key: 'name', direction: 'asc' });
    const few = [testMachine('zeta', 'stopped', { id: 'zeta' }), ...machines];
    expect(names(sortMachines(few, { key: 'name', direction: 'asc' }))).toEqual([
      'Arch',
      'db',
      'web-2',
      'web-10',
      'zeta',
    ]);
  });

  it('sorts names naturally and case-insensitively', () => {
    expect(names(sortMachines(machines, { key: 'name', direction: 'asc' }))).toEqual([
      'Arch',
      'db',
      'web-2',
      'web-10',
    ]);
    expect(names(sortMachines(machines, { key: 'name', direction: 'desc' }))).toEqual([
      'web-10',
      'web-2',
      'db',
      'Arch',
    ]);
  });

  it('keeps natural order as names come and go, and in a part of the list', () => {
    const byName = { key: 'name', direction: 'asc' } as const;
    expect(names(sortMachines([m('b-10', 'stopped'), m('b-9', 'stopped')], byName))).toEqual(['b-9', 'b-10']);
    const more = [m('b-10', 'stopped'), m('a', 'stopped'), m('b-9', 'stopped'), m('b-100', 'stopped')];
    expect(names(sortMachines(more, byName))).toEqual(['a', 'b-9', 'b-10', 'b-100']);
    expect(names(sortMachines([more[3]!, more[1]!], { key: 'name', direction: 'desc' }))).toEqual([
      'b-100',
      'a',
    ]);
    const renamed = [m('b-10', 'stopped'), m('b-1', 'stopped')];
    expect(names(sortMachines(renamed, byName))).toEqual(['b-1', 'b-10']);
  });

  it('puts names that come one by one where sorting them all at once would', () => {
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    const byName = { key: 'name', direction: 'asc' } as const;
    const all = ['web-10', 'Web-9', 'db', 'a-1', 'a-10', 'a-2', 'zeta', 'B', 'web-100', 'x_1', 'x-1', 'x.1'];
    const list: Machine[] = [];
    for (const name of all) {
      list.push(m(name, 'stopped'));
      const expected = [...list.map((x) => x.name)].sort((a, b) => collator.compare(a, b));
      expect(names(sortMachines(list, byName))).toEqual(expected);
    }
  });

  it('sorts by state: running, transitions, stopped, unknown', () => {
    expect(names(sortMachines(machines, { key: 'state', direction: 'asc' }))).toEqual([
      'web-2',
      'db',
      'web-10',
      'Arch',
    ]);
  });

  it('sorts by distro label, then name', () => {
    expect(names(sortMachines(machines, { key: 'distro', direction: 'asc' }))).toEqual([
      'Arch',
      'db',
      'web-2',
      'web-10',
    ]);
  });
});

describe('filterMachines', () => {
  it('matches every word against name, state and distro', () => {
    expect(names(filterMachines(machines, 'web'))).toEqual(['web-10', 'web-2']);
    expect(names(filterMachines(machines, 'DEBIAN'))).toEqual(['db']);
    expect(names(filterMachines(machines, 'ubuntu running'))).toEqual(['web-2']);
    expect(names(filterMachines(machines, '24.04'))).toEqual(['web-10', 'web-2']);
    expect(filterMachines(machines, 'nothing-like-this')).toEqual([]);
  });

  it('filters by state group', () => {
    expect(names(filterMachines(machines, '', 'running'))).toEqual(['web-2']);
    expect(names(filterMachines(machines, '', 'stopped'))).toEqual(['web-10']);
    expect(names(filterMachines(machines, '', 'busy'))).toEqual(['db']);
  });
});

describe('moveSelection', () => {
  const list = ['a', 'b', 'c'];
  it('moves and clamps', () => {
    expect(moveSelection(list, 'a', 1)).toBe('b');
    expect(moveSelection(list, 'c', 1)).toBe('c');
    expect(moveSelection(list, 'a', -1)).toBe('a');
    expect(moveSelection(list, 'b', Infinity)).toBe('c');
  });
  it('starts at an end when nothing is selected', () => {
    expect(moveSelection(list, null, 1)).toBe('a');
    expect(moveSelection(list, 'gone', -1)).toBe('c');
    expect(moveSelection([], null, 1)).toBeNull();
  });
});

describe('sortMachines by arch, address and disk', () => {
  const list = [
    testMachine('b', 'running', { id: 'b', arch: 'arm64', ip4: '10.0.0.10', diskSize: 2_000 }),
    testMachine('a', 'running', { id: 'a', arch: 'amd64', ip4: '10.0.0.9', diskSize: 30_000 }),
    testMachine('c', 'stopped', { id: 'c', arch: 'arm64', diskSize: null }),
  ];
  it('orders addresses numerically and sizes by bytes, unknown values last either way', () => {
    expect(names(sortMachines(list, { key: 'ip', direction: 'asc' }))).toEqual(['a', 'b', 'c']);
    expect(names(sortMachines(list, { key: 'ip', direction: 'desc' }))).toEqual(['b', 'a', 'c']);
    expect(names(sortMachines(list, { key: 'disk', direction: 'asc' }))).toEqual(['b', 'a', 'c']);
    expect(names(sortMachines(list, { key: 'disk', direction: 'desc' }))).toEqual(['a', 'b', 'c']);
  });
  it('orders architectures by name, then machine names', () => {
    expect(names(sortMachines(list, { key: 'arch', direction: 'asc' }))).toEqual(['a', 'b', 'c']);
  });
});

describe('rows held in their view while acted on', () => {
  const stopped = testMachine('a', 'stopped');
  const starting = testMachine('b', 'starting');
  const running = testMachine('c', 'running');
  const all = [stopped, starting, running];

  it('keeps a shown row whose job runs in the view, whatever its state now, and counts it there', () => {
    const held = heldRows(['a', 'b'], new Set(['b', 'x']));
    expect([...held]).toEqual(['b']);
    expect(filterMachines(all, '', 'stopped', undefined, held).map((m) => m.name)).toEqual(['a', 'b']);
    expect(viewCounts(all, 'stopped', held)).toEqual({
      all: 3,
      running: 1,
      stopped: 2,
      busy: 1,
      sandboxes: 0,
    });
    // Once the job has ended, the row goes where its state says.
    expect(
      filterMachines(all, '', 'stopped', undefined, heldRows(['a', 'b'], new Set())).map((m) => m.name),
    ).toEqual(['a']);
  });
});

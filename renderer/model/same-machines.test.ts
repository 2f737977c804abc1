import { describe, expect, it } from 'vitest';
import { testMachine } from '../../test/helpers/fixtures';
import { keepUnchanged } from './same-machines';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('keepUnchanged', () => {
  const before = [testMachine('web', 'running'), testMachine('db', 'stopped', { diskSize: 10 })];

  it('gives back the list it had when a new copy says the same', () => {
    expect(keepUnchanged(before, copy(before))).toBe(before);
  });

  it('keeps the records of the machines that did not change', () => {
    const next = copy(before);
    next[1] = { ...next[1]!, state: 'running' };
    const kept = keepUnchanged(before, next);
    expect(kept).not.toBe(before);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[1]!.state).toBe('running');
  });

  it('sees a field that appears or goes, a new order and a new machine', () => {
    const withAddress = copy(before);
    withAddress[0] = { ...withAddress[0]!, ip4: '198.19.0.2' };
    expect(keepUnchanged(before, withAddress)[0]).toBe(withAddress[0]);
    const reordered = keepUnchanged(before, copy([before[1]!, before[0]!]));
    expect(reordered).toEqual([before[1], before[0]]);
    expect(reordered[0]).toBe(before[1]);
    const grown = keepUnchanged(before, [...copy(before), testMachine('new')]);
    expect(grown.map((m) => m.name)).toEqual(['web', 'db', 'new']);
  });
});

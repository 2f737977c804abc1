import { describe, expect, it } from 'vitest';
import { ClientVisibility } from './client-visibility';

describe('ClientVisibility', () => {
  it('is visible while any window is, and not once all are hidden or gone', () => {
    const seen: boolean[] = [];
    const v = new ClientVisibility((any) => seen.push(any));
    expect(v.set('a', true)).toBe(1);
    expect(v.set('b', false)).toBe(1);
    expect(v.set('a', false)).toBe(0);
    v.set('b', true);
    v.remove('b');
    expect(seen).toEqual([true, true, false, true, false]);
  });
});

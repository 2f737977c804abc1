import { describe, expect, it } from 'vitest';
import { matchTyped, TypeSelect, TYPE_SELECT_PAUSE_MS } from './type-select';

const names = ['alpine', 'debian', 'web-2', 'web-10', 'worker-1'];

describe('type-to-select', () => {
  it('selects the first name shown that starts with what was typed, in any case', () => {
    expect(matchTyped(names, 'W', null)).toBe('web-2');
    expect(matchTyped(names, 'wor', null)).toBe('worker-1');
    expect(matchTyped(names, 'x', null)).toBeNull();
  });

  it('steps through the names of one letter when that letter is typed again', () => {
    expect(matchTyped(names, 'ww', 'web-2')).toBe('web-10');
    expect(matchTyped(names, 'www', 'worker-1')).toBe('web-2');
  });

  it('makes one prefix of quick letters and starts again after a pause', () => {
    let now = 0;
    const typing = new TypeSelect(() => now);
    expect(typing.next('w', names, null)).toBe('web-2');
    now += 200;
    expect(typing.next('o', names, 'web-2')).toBe('worker-1');
    now += TYPE_SELECT_PAUSE_MS + 1;
    expect(typing.next('d', names, 'worker-1')).toBe('debian');
  });

  it('takes only plain letters', () => {
    const key = (k: string, mods: Partial<{ metaKey: boolean; ctrlKey: boolean; altKey: boolean }> = {}) =>
      TypeSelect.wants({ key: k, metaKey: false, ctrlKey: false, altKey: false, ...mods });
    expect(key('w')).toBe(true);
    expect(key(' ')).toBe(false);
    expect(key('ArrowDown')).toBe(false);
    expect(key('a', { ctrlKey: true })).toBe(false);
  });
});

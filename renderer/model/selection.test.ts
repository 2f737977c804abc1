import { describe, expect, it } from 'vitest';
import { clickSelection, EMPTY_SELECTION, pruneSelection, selectAll, selectOne } from './selection';

const shown = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('a plain click selects one machine and makes it the anchor', () => {
    const s = clickSelection(selectOne('a'), 'c', {}, shown);
    expect(s).toEqual({ names: ['c'], focus: 'c', anchor: 'c' });
  });

  it('⌘-click adds and removes one machine, keeping the others', () => {
    let s = clickSelection(selectOne('a'), 'c', { toggle: true }, shown);
    expect(s.names).toEqual(['a', 'c']);
    s = clickSelection(s, 'a', { toggle: true }, shown);
    expect(s).toEqual({ names: ['c'], focus: 'c', anchor: 'a' });
    s = clickSelection(s, 'c', { toggle: true }, shown);
    expect(s).toEqual(EMPTY_SELECTION);
  });

  it('⇧-click selects the range from the anchor in the order shown, in either direction', () => {
    const down = clickSelection(selectOne('b'), 'd', { range: true }, shown);
    expect(down).toEqual({ names: ['b', 'c', 'd'], focus: 'd', anchor: 'b' });
    // A second ⇧-click re-ranges from the same anchor rather than growing the last range.
    const up = clickSelection(down, 'a', { range: true }, shown);
    expect(up.names).toEqual(['a', 'b']);
  });

  it('⌘⇧-click adds the range to what was selected', () => {
    const s = clickSelection(
      clickSelection(selectOne('a'), 'd', { toggle: true }, shown),
      'e',
      {
        toggle: true,
        range: true,
      },
      shown,
    );
    expect(s.names).toEqual(['a', 'd', 'e']);
  });

  it('⇧-click without an anchor on screen acts as a plain click', () => {
    expect(clickSelection(selectOne('gone'), 'b', { range: true }, shown)).toEqual(selectOne('b'));
  });

  it('⌘A selects everything shown and keeps the focus when it is shown', () => {
    expect(selectAll(shown, selectOne('c'))).toEqual({ names: shown, focus: 'c', anchor: 'c' });
    expect(selectAll([], selectOne('c'))).toEqual(EMPTY_SELECTION);
  });

  it('drops names that no longer exist and moves the focus to one that does', () => {
    const s = { names: ['a', 'b', 'c'], focus: 'c', anchor: 'a' };
    expect(pruneSelection(s, (n) => n !== 'c')).toEqual({ names: ['a', 'b'], focus: 'b', anchor: 'a' });
    expect(pruneSelection(s, () => true)).toBe(s);
    expect(pruneSelection(s, () => false)).toEqual(EMPTY_SELECTION);
  });
});

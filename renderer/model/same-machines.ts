import type { Machine } from '../../shared/machine';
import { sameMachine as same } from '../../shared/machines-change';

/**
 * `next` with every machine that did not change replaced by its record in `previous`, and `previous` itself
 * when nothing changed at all. A whole snapshot (pulled, or answered after an action) is a fresh copy of all
 * machines: kept as they were, the rows of unchanged machines are not drawn again and what is worked out from
 * the list (its order, its counts) is not worked out again when nothing in it changed.
 */
export function keepUnchanged(previous: readonly Machine[], next: Machine[]): Machine[] {
  if (previous.length === 0) return next;
  const before = new Map(previous.map((m) => [m.id, m]));
  let changed = previous.length !== next.length;
  const kept = next.map((m, i) => {
    const old = before.get(m.id);
    if (old && same(old, m)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return m;
  });
  return changed ? kept : (previous as Machine[]);
}

import { getApi } from '../api/api';

/** The core takes at most this many names (shared/ipc/contract.ts, `machines:visible`). */
export const MAX_VISIBLE_NAMES = 200;
/** Scrolling fires many times a second; the core hears the rows where the list came to rest. */
export const VISIBLE_DEBOUNCE_MS = 150;

let timer: ReturnType<typeof setTimeout> | undefined;
let pending: string[] | null = null;
let lastSent = '';

/**
 * Tells the core which machines the list shows now, so their disk sizes and addresses are asked first.
 * Debounced; the same list twice in a row is sent once. Called by the virtualized machine list.
 */
export function reportVisibleMachines(names: string[]): void {
  pending = names.slice(0, MAX_VISIBLE_NAMES);
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(flush, VISIBLE_DEBOUNCE_MS);
}

function flush(): void {
  timer = undefined;
  const names = pending;
  pending = null;
  if (!names) return;
  const key = names.join('\n');
  if (key === lastSent) return;
  lastSent = key;
  // Only a hint: a lost one costs the order of a few `info` calls, nothing a person must hear about.
  // Inside a promise, so that a missing API (a page without its token) is a lost hint, not an uncaught error.
  Promise.resolve()
    .then(() => getApi().invoke('machines:visible', { names }))
    .catch(() => {
      lastSent = '';
    });
}

/**
 * The rows inside the viewport first, then the overscan around it (rendered, not seen): the core asks about
 * names in the order given, and a list scrolled by a page renders about as many unseen rows as seen ones.
 */
export function viewportFirst<T extends { start: number; end: number }>(
  rows: readonly T[],
  offset: number,
  height: number,
): T[] {
  const seen = (row: T) => row.end > offset && row.start < offset + height;
  return [...rows.filter(seen), ...rows.filter((row) => !seen(row))];
}

/** For tests: forget what was sent. */
export function resetVisibleRows(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  pending = null;
  lastSent = '';
}

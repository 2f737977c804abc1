import { describeImage } from '../../shared/distros';
import { TRANSITIONAL_STATES, type Machine } from '../../shared/machine';
import type { RowFigures } from './usage-figures';

export type SortKey = 'name' | 'state' | 'distro' | 'arch' | 'ip' | 'disk' | 'cpu' | 'memory';
/** The usage figures of the rows (the optional CPU and memory columns sort by these). */
type Figures = Readonly<Record<string, RowFigures | undefined>>;
export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}
/** Which machines the list shows: all, by state, or the sandboxes. */
export type StateFilter = 'all' | 'running' | 'stopped' | 'busy' | 'sandboxes';

/** Running first, then transitions, then stopped, then anything unknown. */
const STATE_RANK: Record<string, number> = {
  running: 0,
  starting: 1,
  stopping: 1,
  creating: 1,
  provisioning: 1,
  deleting: 1,
  stopped: 2,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Numeric order for dotted IPv4 addresses (10.0.0.9 before 10.0.0.10). */
function ipKey(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + (Number(part) || 0), 0);
}

/** The value a column sorts by; undefined when not known yet (no IP while stopped, no size before `info`). */
function sortValue(m: Machine, key: Exclude<SortKey, 'name'>, figures: Figures): string | number | undefined {
  switch (key) {
    case 'cpu':
      return figures[m.name]?.cpu ?? undefined;
    case 'memory':
      return figures[m.name]?.memoryUsed ?? undefined;
    case 'state':
      return STATE_RANK[m.state] ?? 3;
    case 'distro':
      return describeImage(m.distro, m.version);
    case 'arch':
      return m.arch;
    case 'ip':
      return m.ip4 ? ipKey(m.ip4) : undefined;
    case 'disk':
      return m.diskSize ?? undefined;
  }
}

function compare(a: Machine, b: Machine, key: SortKey, figures: Figures): number {
  if (key === 'name') return 0;
  const x = sortValue(a, key, figures);
  const y = sortValue(b, key, figures);
  if (x === undefined || y === undefined) return 0;
  const byValue =
    typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
  return key === 'state' ? byValue || collator.compare(a.state, b.state) : byValue;
}

/** Unknown values (no IP, no size yet) sort after known ones whichever the direction. */
function unknownLast(a: Machine, b: Machine, key: SortKey, figures: Figures): number {
  if (key === 'name' || key === 'state') return 0;
  return Number(sortValue(a, key, figures) === undefined) - Number(sortValue(b, key, figures) === undefined);
}

/** The names put in natural order so far, and each one's place. */
let ordered: string[] = [];
let ranked = new Map<string, number>();

/** Where `name` goes in `names` (in natural order), by binary search. */
function placeOf(names: readonly string[], name: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (collator.compare(names[mid]!, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each name's place in natural order. The collator is slow (about a microsecond a comparison, 10,000 of them to
 * sort 1,000 names): the names are put in order once and compared by place afterwards. A few new names (a
 * rename, a new machine) are put in their places by binary search, not by sorting everything again; places
 * worked out for more names still order fewer (a filtered list).
 */
function nameRanks(machines: readonly Machine[]): Map<string, number> {
  const names = machines.map((m) => m.name);
  let fresh = [...new Set(names.filter((n) => !ranked.has(n)))];
  if (fresh.length === 0) return ranked;
  // Names of machines long gone are dropped when they outnumber the list: the list's own names are placed anew.
  if (ordered.length > 2 * machines.length + 64) {
    ordered = [];
    fresh = [...new Set(names)];
  }
  if (fresh.length <= 16 && ordered.length > 0) {
    for (const name of fresh) ordered.splice(placeOf(ordered, name), 0, name);
  } else {
    ordered = [...new Set([...ordered, ...fresh])].sort((a, b) => collator.compare(a, b));
  }
  ranked = new Map(ordered.map((n, i) => [n, i]));
  return ranked;
}

/**
 * Sorted by `order`, ties broken by name (natural order: web-2 before web-10), stable. CPU and memory sort by
 * the rows' last samples (`figures`).
 */
export function sortMachines(
  machines: readonly Machine[],
  order: SortOrder,
  figures: Figures = {},
): Machine[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  const rank = nameRanks(machines);
  const byName = (a: Machine, b: Machine) => rank.get(a.name)! - rank.get(b.name)!;
  return [...machines].sort(
    (a, b) =>
      unknownLast(a, b, order.key, figures) || sign * (compare(a, b, order.key, figures) || byName(a, b)),
  );
}

/** Names of machines, as a set or the keys of a map (the sandboxes by name). */
type Names = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/** Whether a machine belongs in a sidebar view by its state (`sandboxes`: by being one of `sandboxes`). */
export function inStateView(machine: Machine, state: StateFilter, sandboxes: Names = NONE): boolean {
  if (state === 'sandboxes') return sandboxes.has(machine.name);
  if (state === 'running') return machine.state === 'running';
  if (state === 'stopped') return machine.state === 'stopped';
  if (state === 'busy') return TRANSITIONAL_STATES.includes(machine.state);
  return true;
}

/**
 * Machines matching every word of `text` (in name, state, distro, version or arch; case-insensitive) and the
 * state filter (`sandboxes`: those named in `sandboxes`). `held` names rows the view keeps whatever their state
 * (see `heldRows`).
 */
export function filterMachines(
  machines: readonly Machine[],
  text: string,
  state: StateFilter = 'all',
  sandboxes: Names = NONE,
  held: ReadonlySet<string> = NONE,
): Machine[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return machines.filter((m) => {
    if (!inStateView(m, state, sandboxes) && !held.has(m.name)) return false;
    if (words.length === 0) return true;
    const haystack = [m.name, m.state, m.distro, m.version, m.arch, describeImage(m.distro, m.version)]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
const NONE: ReadonlySet<string> = new Set();

/**
 * The rows a view keeps while something is done to them: those it shows now that have a job queued or running.
 * Started from the Stopped view, twenty starts leave twenty rows there with their progress until each start
 * ends, instead of taking every row away at once; then each leaves the view.
 */
export function heldRows(shown: readonly string[], acting: ReadonlySet<string>): Set<string> {
  return new Set(shown.filter((name) => acting.has(name)));
}

/** How many rows each sidebar view shows; `held` rows count in the view that holds them. */
export function viewCounts(
  machines: readonly Machine[],
  current: StateFilter,
  held: ReadonlySet<string>,
  sandboxes: Names = NONE,
): Record<StateFilter, number> {
  const count = (state: StateFilter) =>
    machines.filter((m) => inStateView(m, state, sandboxes) || (state === current && held.has(m.name)))
      .length;
  return {
    all: machines.length,
    running: count('running'),
    stopped: count('stopped'),
    busy: count('busy'),
    sandboxes: count('sandboxes'),
  };
}

/** The name after `current` in `names` moved by `delta` (clamped); the first one when nothing is selected. */
export function moveSelection(
  names: readonly string[],
  current: string | null,
  delta: number,
): string | null {
  if (names.length === 0) return null;
  const index = current === null ? -1 : names.indexOf(current);
  if (index === -1) return delta < 0 ? names[names.length - 1]! : names[0]!;
  return names[Math.min(names.length - 1, Math.max(0, index + delta))]!;
}

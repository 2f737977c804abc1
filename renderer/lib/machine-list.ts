import { describeImage } from '../../shared/distros';
import { TRANSITIONAL_STATES, type Machine } from '../../shared/machine';

export type SortKey = 'name' | 'state' | 'distro';
export interface SortOrder {
  key: SortKey;
  direction: 'asc' | 'desc';
}
export type StateFilter = 'all' | 'running' | 'stopped' | 'busy';

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

function compare(a: Machine, b: Machine, key: SortKey): number {
  switch (key) {
    case 'state':
      return (STATE_RANK[a.state] ?? 3) - (STATE_RANK[b.state] ?? 3) || collator.compare(a.state, b.state);
    case 'distro':
      return collator.compare(describeImage(a.distro, a.version), describeImage(b.distro, b.version));
    case 'name':
      return 0;
  }
}

/** Sorted by `order`, ties broken by name (natural order: web-2 before web-10), stable. */
export function sortMachines(machines: readonly Machine[], order: SortOrder): Machine[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...machines].sort((a, b) => sign * (compare(a, b, order.key) || collator.compare(a.name, b.name)));
}

/**
 * Machines matching every word of `text` (in name, state, distro, version or arch; case-insensitive) and the
 * state filter.
 */
export function filterMachines(
  machines: readonly Machine[],
  text: string,
  state: StateFilter = 'all',
): Machine[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return machines.filter((m) => {
    if (state === 'running' && m.state !== 'running') return false;
    if (state === 'stopped' && m.state !== 'stopped') return false;
    if (state === 'busy' && !TRANSITIONAL_STATES.includes(m.state)) return false;
    if (words.length === 0) return true;
    const haystack = [m.name, m.state, m.distro, m.version, m.arch, describeImage(m.distro, m.version)]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
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

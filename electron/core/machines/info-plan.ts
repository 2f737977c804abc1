import type { Machine } from '../../../shared/machine';
import type { InfoCache } from './info-cache';

/** At most this many names count as on screen (a window reports what its list shows). */
export const MAX_ON_SCREEN = 200;
/** Machines off screen asked per round, so hundreds of machines stay cheap; the next poll asks the next ones. */
export const MAX_OFF_SCREEN_PER_ROUND = 48;

export interface InfoPlan {
  /** On screen and wanting info: asked first, in the order the window gave. */
  onScreen: Machine[];
  /** The others wanting info, at most MAX_OFF_SCREEN_PER_ROUND, in list order. */
  offScreen: Machine[];
}

/**
 * Which machines to ask `orbctl info` about this round. What a window shows comes first. Old numbers of a
 * running machine are refreshed only while it is on screen: refreshing every running machine each minute
 * cost more processes than the polls themselves, for disk sizes of rows nobody looks at (the details pane
 * asks `info` afresh for the machine it shows).
 */
export function planInfo(
  listed: readonly Machine[],
  cache: InfoCache,
  now: number,
  shown: readonly string[] | null,
): InfoPlan {
  const byName = new Map(listed.map((m) => [m.name, m]));
  const onScreen: Machine[] = [];
  const seen = new Set<string>();
  for (const name of shown ?? []) {
    const m = byName.get(name);
    if (!m || seen.has(name)) continue;
    seen.add(name);
    if (cache.isStale(m, now, true)) onScreen.push(m);
  }
  const offScreen: Machine[] = [];
  for (const m of listed) {
    if (offScreen.length >= MAX_OFF_SCREEN_PER_ROUND) break;
    if (!seen.has(m.name) && cache.isStale(m, now, false)) offScreen.push(m);
  }
  return { onScreen, offScreen };
}

/**
 * What each window shows of machines' insides right now (`usage:watch`): the inspector's machine with its Usage
 * or Ports tab, and the list's rows on screen while its CPU and memory columns are on. Only windows that are
 * visible count, so a hidden or closed window costs nothing.
 */

export type InsideView = 'usage' | 'ports';

export interface UsageWatch {
  /** The inspector's machine, with the tab that shows its inside (null: another tab, or no inspector). */
  machine: string | null;
  view: InsideView | null;
  /** Rows on screen while the usage columns are on (else empty). */
  rows: string[];
}

export interface WatchTargets {
  /** Sampled every few seconds (a Usage tab). */
  detail: Set<string>;
  /** Their ports read with the programs (a Ports tab). */
  ports: Set<string>;
  /** Sampled every ten seconds, together (rows with the usage columns). */
  rows: Set<string>;
}

/** The key of a window: its headless connection, or the desktop app's one window set. */
export const DESKTOP_WINDOWS = 'desktop';

export class UsageWatchers {
  private readonly watches = new Map<string, UsageWatch>();

  constructor(private readonly isVisible: (client: string) => boolean) {}

  set(client: string, watch: UsageWatch): void {
    if (watch.machine === null && watch.rows.length === 0) this.watches.delete(client);
    else this.watches.set(client, watch);
  }

  remove(client: string): void {
    this.watches.delete(client);
  }

  /** What the visible windows show, together. */
  targets(): WatchTargets {
    const targets: WatchTargets = { detail: new Set(), ports: new Set(), rows: new Set() };
    for (const [client, watch] of this.watches) {
      if (!this.isVisible(client)) continue;
      if (watch.machine !== null && watch.view === 'usage') targets.detail.add(watch.machine);
      if (watch.machine !== null && watch.view === 'ports') targets.ports.add(watch.machine);
      for (const row of watch.rows) targets.rows.add(row);
    }
    return targets;
  }

  /** True when no visible window shows anything inside a machine. */
  idle(): boolean {
    const t = this.targets();
    return t.detail.size + t.ports.size + t.rows.size === 0;
  }
}

/**
 * When to read which machine's inside: only what a visible window shows (usage-watchers.ts), and nothing at all
 * while no window is visible. The inspector's machine every 2 s (its Usage tab) or its ports every 10 s (its
 * Ports tab, with the other running machines' ports read now and then, a few at a time, for the conflicts);
 * rows with the usage columns every 10 s, together, in the background. Never two readings of one machine at
 * once, at most MAX_PARALLEL in all.
 *
 * `orbctl run` starts a stopped machine (docs/orbctl.md#other-commands): a reading must never be what starts
 * one. So a machine is read only while the machine list says it runs, as of a list at most FRESH_MS old (an
 * older list is polled again first), and never while one of OrbDeck's jobs works on it.
 */
import type { MachinesSnapshot } from '../../../shared/ipc/types';
import type { UsageWatchers, WatchTargets } from './usage-watchers';

export const DETAIL_MS = 2000;
export const ROWS_MS = 10_000;
export const PORTS_MS = 10_000;
/** The list a reading relies on is at most this old. */
export const FRESH_MS = 1000;
/** Readings at once: on a 2-core Mac mini more would take the processor from everything else. */
export const MAX_PARALLEL = 2;
/** Other machines' ports older than this are read again while a Ports tab shows, a few each round. */
export const SWEEP_STALE_MS = 5 * 60 * 1000;
export const SWEEP_PER_ROUND = 4;

export type ReadingKind = 'sample' | 'ports';

export interface SamplerDeps {
  watchers: UsageWatchers;
  /** Whether any OrbDeck window is visible. */
  anyVisible(): boolean;
  snapshot(): MachinesSnapshot;
  /** A machine list read from now on (the poll under way, else a new one). */
  refresh(): Promise<unknown>;
  /** The title of one of OrbDeck's jobs queued or running for the machine, or null. */
  busy(name: string): string | null;
  /** Reads the machine (`background`: nobody waits for it; it runs at a lower priority). */
  read(name: string, kind: ReadingKind, background: boolean): Promise<void>;
  /** Why nothing is read from the machine now. */
  unavailable(name: string, reason: string): void;
  portsSeenAt(name: string): number | null;
  now?: () => number;
}

interface Planned {
  name: string;
  kind: ReadingKind;
  background: boolean;
}

export class UsageSampler {
  private readonly now: () => number;
  private readonly last: Record<ReadingKind, Map<string, number>> = { sample: new Map(), ports: new Map() };
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private again = false;
  private lastSweep = -Infinity;
  private stopped = false;
  /** Readings started (the tests and the bench count them). */
  started = 0;

  constructor(private readonly deps: SamplerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Something changed (a window's watch, visibility, a reading ended): look again now. */
  wake(): void {
    if (this.stopped) return;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Settles when no reading is under way (tests, the bench). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.ticking) await new Promise((r) => setTimeout(r, 10));
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), Math.max(0, delayMs));
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    try {
      await this.round();
    } finally {
      this.ticking = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    }
  }

  private async round(): Promise<void> {
    // Hidden or closed windows: no timer at all until a window shows again (wake).
    if (this.stopped || !this.deps.anyVisible()) return;
    const targets = this.deps.watchers.targets();
    let snapshot = this.deps.snapshot();
    // The rest waits for a reading to end (each end wakes the sampler).
    const plan = this.plan(targets, snapshot).slice(0, MAX_PARALLEL - this.inFlight.size);
    // The cadence counts from when the reading fell due, not from when the fresh list came in.
    const dueAt = this.now();
    if (plan.length > 0) {
      if (snapshot.updatedAt === null || this.now() - snapshot.updatedAt > FRESH_MS) {
        await this.deps.refresh().catch(() => undefined);
        snapshot = this.deps.snapshot();
        if (this.stopped || !this.deps.anyVisible()) return;
      }
      const states = new Map(snapshot.machines.map((m) => [m.name, m.state]));
      for (const item of plan) this.start(item, states.get(item.name), dueAt);
    }
    if (this.inFlight.size < MAX_PARALLEL) this.scheduleNext(targets);
  }

  private start(item: Planned, state: string | undefined, dueAt: number): void {
    this.last[item.kind].set(item.name, dueAt);
    if (state !== 'running') {
      this.deps.unavailable(
        item.name,
        state === undefined ? `${item.name} is not in the machine list.` : `${item.name} is ${state}.`,
      );
      return;
    }
    const job = this.deps.busy(item.name);
    if (job !== null) {
      this.deps.unavailable(item.name, `Not read while “${job}” runs.`);
      return;
    }
    const key = `${item.kind} ${item.name}`;
    this.inFlight.add(key);
    this.started++;
    void this.deps
      .read(item.name, item.kind, item.background)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight.delete(key);
        this.wake();
      });
  }

  /** What is due now, the inspector's machine first. */
  private plan(targets: WatchTargets, snapshot: MachinesSnapshot): Planned[] {
    const now = this.now();
    const due = (kind: ReadingKind, name: string, every: number) =>
      !this.reading(name) && now - (this.last[kind].get(name) ?? -Infinity) >= every;
    const plan: Planned[] = [];
    for (const name of targets.detail)
      if (due('sample', name, DETAIL_MS)) plan.push({ name, kind: 'sample', background: false });
    for (const name of targets.ports)
      if (due('ports', name, PORTS_MS)) plan.push({ name, kind: 'ports', background: false });
    for (const name of targets.rows)
      if (!targets.detail.has(name) && due('sample', name, ROWS_MS))
        plan.push({ name, kind: 'sample', background: true });
    if (targets.ports.size > 0 && now - this.lastSweep >= ROWS_MS) {
      const stale = snapshot.machines
        .filter((m) => m.state === 'running' && !targets.ports.has(m.name) && !targets.detail.has(m.name))
        .filter((m) => now - (this.deps.portsSeenAt(m.name) ?? -Infinity) >= SWEEP_STALE_MS)
        .filter((m) => due('sample', m.name, ROWS_MS))
        .slice(0, SWEEP_PER_ROUND);
      if (stale.length > 0) this.lastSweep = now;
      for (const m of stale) plan.push({ name: m.name, kind: 'sample', background: true });
    }
    return plan;
  }

  private reading(name: string): boolean {
    return this.inFlight.has(`sample ${name}`) || this.inFlight.has(`ports ${name}`);
  }

  /**
   * The next time something the windows show falls due; no timer when they show nothing (a machine being read
   * wakes the sampler when its reading ends).
   */
  private scheduleNext(targets: WatchTargets): void {
    const now = this.now();
    const next = (kind: ReadingKind, names: Iterable<string>, every: number) =>
      [...names].filter((n) => !this.reading(n)).map((n) => (this.last[kind].get(n) ?? -Infinity) + every);
    const times = [
      ...next('sample', targets.detail, DETAIL_MS),
      ...next('ports', targets.ports, PORTS_MS),
      ...next('sample', targets.rows, ROWS_MS),
      ...(targets.ports.size > 0 ? [this.lastSweep + ROWS_MS] : []),
    ];
    if (times.length === 0) return;
    this.schedule(Math.max(Math.min(...times) - now, 50));
  }
}

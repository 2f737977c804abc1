import { toErrorData, type AppErrorData } from '../../../shared/errors';
import { type MachinesSnapshot } from '../../../shared/ipc/contract';
import type { Machine, MachineInfo } from '../../../shared/machine';
import { InfoCache } from './info-cache';
import type { EventHub } from '../events';

/** Where machines come from: the orbctl adapter in the app, a fake in tests. */
export interface MachineSource {
  list(signal: AbortSignal): Promise<Machine[]>;
  /** OrbStack's default machine, or null when there is none. */
  defaultName(signal: AbortSignal): Promise<string | null>;
  /** `orbctl info`: disk size and IP addresses, which `list` does not give. */
  info(name: string, signal: AbortSignal): Promise<MachineInfo>;
}

export interface PollIntervals {
  /** Between polls while a window is visible. */
  visibleMs: number;
  /** Between polls while no window is visible (tray only). */
  hiddenMs: number;
  /** Right after an action, for `fastForMs`, so transitions show quickly. */
  fastMs: number;
  fastForMs: number;
  /** `orbctl default` is asked every this many polls (and whenever the set of machines changes). */
  defaultEvery: number;
}

export const DEFAULT_INTERVALS: PollIntervals = {
  visibleMs: 3000,
  hiddenMs: 15000,
  fastMs: 700,
  fastForMs: 10000,
  defaultEvery: 10,
};

export interface MachineStoreOptions {
  source: MachineSource;
  events: EventHub;
  intervals?: Partial<PollIntervals>;
  now?: () => number;
}

/**
 * The machine list as the main process knows it. It polls `orbctl list` (never two polls at once; faster right
 * after an action, slower when hidden), emits `machines:changed` only when something really changed, and
 * keeps the last polling error instead of swallowing it.
 */
export class MachineStore {
  private intervals: PollIntervals;
  private readonly now: () => number;
  private machines: Machine[] = [];
  private lastError: AppErrorData | null = null;
  private updatedAt: number | null = null;
  private defaultName: string | null = null;
  private pollsSinceDefault = Infinity;
  private lastSent = '';
  private visible = true;
  private fastUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private readonly infos = new InfoCache();
  private version = 0;
  private firstPollDone = false;
  private readonly firstPoll: Promise<void>;
  private markFirstPoll: () => void = () => {};

  constructor(private readonly options: MachineStoreOptions) {
    this.intervals = { ...DEFAULT_INTERVALS, ...options.intervals };
    this.now = options.now ?? Date.now;
    this.firstPoll = new Promise((resolve) => (this.markFirstPoll = resolve));
  }

  snapshot(): MachinesSnapshot {
    return {
      machines: this.machines.map((m) => ({ ...m })),
      lastError: this.lastError,
      updatedAt: this.updatedAt,
      version: this.version,
    };
  }

  /**
   * The snapshot once there is something to say: a window that opens while the first poll runs waits for it
   * (up to `waitMs`) instead of showing an empty list that is not true.
   */
  async settledSnapshot(waitMs = 8000): Promise<MachinesSnapshot> {
    if (!this.firstPollDone) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.firstPoll, new Promise((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
    }
    return this.snapshot();
  }

  /** Starts polling (the first poll runs at once). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.refresh();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
  }

  /** Polls now. Joins a poll that has not started yet; runs after one already under way (never overlapping). */
  async refresh(): Promise<MachinesSnapshot> {
    await this.enqueue();
    return this.snapshot();
  }

  /** Polls quickly for a while: called after every action so that transitions show. */
  nudge(): void {
    this.fastUntil = this.now() + this.intervals.fastForMs;
    this.pollsSinceDefault = Infinity;
    this.schedule();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) void this.refresh();
    else this.schedule();
  }

  setIntervals(intervals: Partial<PollIntervals>): void {
    this.intervals = { ...this.intervals, ...intervals };
    this.schedule();
  }

  /** Milliseconds until the next poll, given the current mode. */
  currentInterval(): number {
    if (this.now() < this.fastUntil) return this.intervals.fastMs;
    return this.visible ? this.intervals.visibleMs : this.intervals.hiddenMs;
  }

  private enqueue(): Promise<void> {
    if (this.queued) return this.queued;
    const after = this.current ?? Promise.resolve();
    const next = after.then(() => {
      this.queued = null;
      this.current = next;
      return this.pollOnce().finally(() => {
        if (this.current === next) this.current = null;
        this.schedule();
      });
    });
    this.queued = next;
    return next;
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue();
    }, this.currentInterval());
    this.timer.unref?.();
  }

  private async pollOnce(): Promise<void> {
    const { signal } = this.abort;
    try {
      const machines = await this.options.source.list(signal);
      const namesChanged = names(machines) !== names(this.machines);
      if (namesChanged || ++this.pollsSinceDefault >= this.intervals.defaultEvery) {
        this.defaultName =
          machines.length === 0 ? null : await this.options.source.defaultName(signal).catch(() => null);
        this.pollsSinceDefault = 0;
      }
      this.machines = machines.map((m) => this.infos.apply({ ...m, isDefault: m.name === this.defaultName }));
      this.lastError = null;
      this.updatedAt = this.now();
      // Show the list at once; disk sizes and addresses follow from `info` for what changed.
      this.emitIfChanged();
      const stale = this.infos.stale(machines, this.now());
      if (stale.length > 0) {
        await this.infos.fetch(stale, (name) => this.options.source.info(name, signal), this.now);
        this.machines = this.machines.map((m) => this.infos.apply(m));
      }
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = toErrorData(error);
    }
    this.emitIfChanged();
  }

  private emitIfChanged(): void {
    if (!this.firstPollDone) {
      this.firstPollDone = true;
      this.markFirstPoll();
    }
    const { machines, lastError } = this.snapshot();
    const key = JSON.stringify({ machines, lastError });
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.version++;
    this.options.events.emit('machines:changed', this.snapshot());
  }
}

function names(machines: Machine[]): string {
  return machines
    .map((m) => m.name)
    .sort()
    .join('\n');
}

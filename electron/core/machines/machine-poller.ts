import type { Machine, MachineInfo } from '../../../shared/machine';
import { MAX_ON_SCREEN } from './info-plan';
import { startInfoRound, type InfoRound } from './info-round';
import type { MachineStore } from './machine-store';

/** Where machines come from: the orbctl adapter in the app, a fake in tests. */
export interface MachineSource {
  /** The same array as last time when nothing changed (orbctl printed the same text). */
  list(signal: AbortSignal): Promise<readonly Machine[]>;
  /** OrbStack's default machine, or null when there is none. */
  defaultName(signal: AbortSignal): Promise<string | null>;
  /**
   * `orbctl info`: disk size and IP addresses, which `list` does not give. `background` for rows nobody sees:
   * the call yields the processor to everything else.
   */
  info(name: string, signal: AbortSignal, background: boolean): Promise<MachineInfo>;
}

export interface PollIntervals {
  /** Between polls while a window is visible. */
  visibleMs: number;
  /** Between polls while no window is visible (tray only, or a headless host with no page open). */
  hiddenMs: number;
  /** Right after an action, for `fastForMs`, so transitions show quickly. */
  fastMs: number;
  fastForMs: number;
  /**
   * While a window is visible, `orbctl default` is asked again after this long (it is also asked whenever the
   * set of machines changes, and after an action). Hidden, it is not asked by time at all.
   */
  defaultEveryMs: number;
  /**
   * After each `orbctl info` about a row off screen, before the next: the walk through the rest of the machines
   * (work nobody waits for) then takes a bounded share of the processor, whatever their number.
   */
  backgroundPauseMs: number;
}

export const DEFAULT_INTERVALS: PollIntervals = {
  visibleMs: 3000,
  hiddenMs: 15000,
  fastMs: 700,
  fastForMs: 10000,
  defaultEveryMs: 60_000,
  backgroundPauseMs: 500,
};

/** After a window appears, the next poll comes this soon (the stored list is shown meanwhile). */
const SHOWN_POLL_DELAY_MS = 300;
/** On-screen rows whose info came in within this long are shown in one event. */
const INFO_EMIT_MS = 50;

export interface MachinePollerOptions {
  source: MachineSource;
  store: MachineStore;
  intervals?: Partial<PollIntervals>;
  /** Whether a window is visible at start (false for a headless host, until a page says it is). */
  visible?: boolean;
  now?: () => number;
}

/**
 * When and what to ask orbctl. One `orbctl list` per poll (never two at once; faster right after an action,
 * slower when no window is visible). With no visible window that is all it asks, unless the set of machines
 * changed (then `orbctl default` too). While a window is visible, `orbctl info` (disk size, addresses) is asked
 * beside the polls, never holding one up, for the machines the window shows first (`showing`).
 */
export class MachinePoller {
  private intervals: PollIntervals;
  private readonly now: () => number;
  private visible: boolean;
  private fastUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private defaultAskedAt = -Infinity;
  private defaultWanted = true;
  private shown: string[] | null = null;
  /** The last list that was stored (`MachineSource.list` answers the same array when nothing changed). */
  private lastListed: readonly Machine[] | null = null;
  /** When the poll under way began (`now()`), or null; when the last poll that ended began. */
  private currentBegan: number | null = null;
  private lastBegan = -Infinity;
  /** Actions under way whose orbctl changes what the list shows: reading nobody waits for holds back. */
  private acting = 0;
  /** When the last of them ended: what `info` told before then may be out of date. */
  private actionEndedAt = -Infinity;
  private infoRound: InfoRound | null = null;
  private infoAgain = false;
  private infoTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: MachinePollerOptions) {
    this.intervals = { ...DEFAULT_INTERVALS, ...options.intervals };
    this.now = options.now ?? Date.now;
    this.visible = options.visible ?? true;
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
    if (this.infoTimer) clearTimeout(this.infoTimer);
    this.timer = null;
    this.infoTimer = null;
    this.abort.abort();
    this.infoRound?.wake();
  }

  /** Polls now. Joins a poll that has not started yet; runs after one already under way (never overlapping). */
  async refresh(): Promise<void> {
    await this.enqueue();
  }

  /** A list read from now on: the poll under way (it is reading the list now), else a new one. */
  async fresh(): Promise<void> {
    await (this.current ?? this.enqueue());
  }

  /**
   * A list read that began at `since` or later (`now()`'s clock): the last one when it began late enough, else
   * the poll under way when it did, else the next one. After an action the poller polls at once, and a window asking for a list read after
   * the action joins that poll instead of queueing a second one behind it.
   */
  async readSince(since: number): Promise<void> {
    if (this.lastBegan >= since) return;
    const current = this.current;
    await (current && this.currentBegan !== null && this.currentBegan >= since ? current : this.enqueue());
  }

  /**
   * An action whose orbctl changes what the list shows begins: while it runs the window shows the job's own
   * progress, so polls keep the ordinary interval (a slow action still shows its transition) and `orbctl info`
   * about rows off screen waits (one under way stops), leaving the processor to the action. The answer is called as it ends: a poll
   * at once, quick polls for a while, and the waiting info goes on.
   */
  actionBegins(): () => void {
    this.acting++;
    this.infoRound?.stopBackground();
    this.defaultWanted = true;
    this.schedule();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.acting--;
      this.actionEndedAt = this.now();
      this.nudge();
      this.infoRound?.wake();
    };
  }

  /** Something changed: polls at once, then quickly for a while (an action ended, a checkpoint was reverted). */
  nudge(): void {
    this.fastUntil = this.now() + this.intervals.fastForMs;
    this.defaultWanted = true;
    this.schedule(0);
  }

  isVisible(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    // A window that just appeared shows the stored list at once and paints before the fresh poll starts.
    this.schedule(visible ? Math.min(SHOWN_POLL_DELAY_MS, this.currentInterval()) : undefined);
  }

  setIntervals(intervals: Partial<PollIntervals>): void {
    this.intervals = { ...this.intervals, ...intervals };
    this.schedule();
  }

  /** What a window's list shows now (at most MAX_ON_SCREEN names): their info is asked first. */
  showing(names: readonly string[]): void {
    this.shown = names.slice(0, MAX_ON_SCREEN);
    this.infoRound?.wake();
    this.askInfo();
  }

  /** Milliseconds until the next poll, given the current mode. */
  currentInterval(): number {
    if (this.acting === 0 && this.now() < this.fastUntil) return this.intervals.fastMs;
    return this.visible ? this.intervals.visibleMs : this.intervals.hiddenMs;
  }

  /**
   * One machine's `orbctl info`, for a window that shows its details: what a recent call told (as recent as its
   * row keeps it, and since the last action ended), else asked now and kept, so that its row shows it too.
   * Selecting rows one after another starts no process for rows read within the last minute.
   */
  async info(name: string): Promise<MachineInfo> {
    const { source, store } = this.options;
    const known = store.recentInfo(name, this.actionEndedAt);
    if (known) return known;
    const info = await source.info(name, this.abort.signal, false);
    if (store.record(info.name)?.id === info.id) {
      store.setInfo(info, info);
      store.infoDone();
    }
    return info;
  }

  /** Settles when no `info` round is under way (tests, the benchmark). */
  async infoIdle(): Promise<void> {
    while (this.infoRound) await this.infoRound.done;
  }

  private enqueue(): Promise<void> {
    if (this.queued) return this.queued;
    const after = this.current ?? Promise.resolve();
    const next = after.then(() => {
      this.queued = null;
      this.current = next;
      this.currentBegan = this.now();
      return this.pollOnce().finally(() => {
        if (this.current === next) {
          this.lastBegan = this.currentBegan ?? this.lastBegan;
          this.current = null;
          this.currentBegan = null;
        }
        this.schedule();
      });
    });
    this.queued = next;
    return next;
  }

  private schedule(delayMs = this.currentInterval()): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue();
    }, delayMs);
    this.timer.unref?.();
  }

  private async pollOnce(): Promise<void> {
    const { signal } = this.abort;
    const { source, store } = this.options;
    try {
      // The very first answer is awaited by the first window: ask the default beside the list, not after it.
      const first = !store.isSettled();
      const [machines, defaultName] = await Promise.all([
        source.list(signal),
        first ? this.askDefault(signal) : undefined,
      ]);
      // The list orbctl printed last time, unchanged: nothing to compare or rebuild (the steady poll).
      if (!first && machines === this.lastListed && !this.defaultWanted && !this.defaultIsOld()) {
        store.unchanged();
        this.askInfo();
        return;
      }
      this.lastListed = machines;
      const namesChanged = !first && names(machines) !== names(store.list());
      store.setList(machines, defaultName);
      if (!first && (namesChanged || this.defaultWanted || this.defaultIsOld())) {
        store.setDefault(machines.length === 0 ? null : await this.askDefault(signal));
      }
    } catch (error) {
      if (signal.aborted) return;
      store.setError(error);
      return;
    }
    this.askInfo();
  }

  private defaultIsOld(): boolean {
    return this.visible && this.now() - this.defaultAskedAt >= this.intervals.defaultEveryMs;
  }

  private async askDefault(signal: AbortSignal): Promise<string | null> {
    this.defaultWanted = false;
    this.defaultAskedAt = this.now();
    return this.options.source.defaultName(signal).catch(() => null);
  }

  /** Starts an `info` round unless one runs (then one more follows it). Only while a window is visible. */
  private askInfo(): void {
    if (!this.visible || this.abort.signal.aborted) return;
    if (this.infoRound) {
      this.infoAgain = true;
      return;
    }
    const round = startInfoRound({
      source: this.options.source,
      store: this.options.store,
      signal: this.abort.signal,
      now: this.now,
      shown: () => this.shown,
      pollsDone: () => this.pollsDone(),
      holdBackground: () => this.acting > 0,
      backgroundPauseMs: this.intervals.backgroundPauseMs,
      onShownInfo: () => this.showInfoSoon(),
    });
    this.infoRound = round;
    void round.done.finally(() => {
      this.infoRound = null;
      this.showInfoNow();
      if (this.infoAgain) {
        this.infoAgain = false;
        this.askInfo();
      }
    });
  }

  /** A list poll goes first: no `info` starts while one runs or waits to. */
  private async pollsDone(): Promise<void> {
    for (let poll = this.queued ?? this.current; poll; poll = this.queued ?? this.current)
      await poll.catch(() => {});
  }

  /** Rows on screen show their numbers within a moment, in one event for those that came in together. */
  private showInfoSoon(): void {
    if (this.infoTimer) return;
    this.infoTimer = setTimeout(() => this.showInfoNow(), INFO_EMIT_MS);
    this.infoTimer.unref?.();
  }

  private showInfoNow(): void {
    if (this.infoTimer) clearTimeout(this.infoTimer);
    this.infoTimer = null;
    this.options.store.infoDone();
  }
}

function names(machines: readonly Machine[]): string {
  return machines
    .map((m) => m.name)
    .sort()
    .join('\n');
}

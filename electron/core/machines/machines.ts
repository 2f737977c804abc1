import type { MachinesReadAfter, MachinesSnapshot } from '../../../shared/ipc/contract';
import type { Machine, MachineInfo } from '../../../shared/machine';
import type { EventHub } from '../platform/events';
import { MachinePoller, type MachineSource, type PollIntervals } from './machine-poller';
import { MachineStore } from './machine-store';

export type { MachineSource, PollIntervals } from './machine-poller';

export interface MachinesOptions {
  source: MachineSource;
  events: EventHub;
  intervals?: Partial<PollIntervals>;
  /** Whether a window is visible at start (false for a headless host, until a page says it is). */
  visible?: boolean;
  now?: () => number;
}

/**
 * The machines as the rest of the core sees them: the store (what is known) and the poller (when and what
 * to ask orbctl) behind one object, so handlers and jobs need not know which of the two answers.
 */
export class Machines {
  readonly store: MachineStore;
  readonly poller: MachinePoller;
  private readonly visibilityListeners = new Set<(visible: boolean) => void>();

  constructor(options: MachinesOptions) {
    const now = options.now ?? Date.now;
    this.store = new MachineStore(options.events, now);
    this.poller = new MachinePoller({
      source: options.source,
      store: this.store,
      now,
      ...(options.intervals ? { intervals: options.intervals } : {}),
      ...(options.visible === undefined ? {} : { visible: options.visible }),
    });
  }

  snapshot(): MachinesSnapshot {
    return this.store.snapshot();
  }

  settledSnapshot(waitMs?: number): Promise<MachinesSnapshot> {
    return this.store.settledSnapshot(waitMs);
  }

  /** Polls `orbctl list` now (joining a poll about to start) and answers the fresh snapshot. */
  async refresh(): Promise<MachinesSnapshot> {
    await this.poller.refresh();
    return this.store.snapshot();
  }

  /** The list as of now: joins the poll under way, else polls; answers the snapshot. */
  async fresh(): Promise<MachinesSnapshot> {
    await this.poller.fresh();
    return this.store.snapshot();
  }

  /** Told the whole snapshot whenever the list a window shows changed; returns the disposer. */
  onChanged(listener: (snapshot: MachinesSnapshot) => void): () => void {
    return this.store.onChanged(listener);
  }

  /** One machine's `orbctl info`, recent enough (MachinePoller.info). */
  info(name: string): Promise<MachineInfo> {
    return this.poller.info(name);
  }

  /** The machine of this name as a window shows it, or undefined. */
  record(name: string): Machine | undefined {
    return this.store.record(name);
  }

  /**
   * A list read that began at `since` or later (`Date.now()`'s clock, as the jobs' times): the version of the
   * snapshot that holds it, and whether the read failed.
   */
  async readSince(since: number): Promise<MachinesReadAfter> {
    await this.poller.readSince(since);
    return this.store.status();
  }

  nudge(): void {
    this.poller.nudge();
  }

  actionBegins(): () => void {
    return this.poller.actionBegins();
  }

  setVisible(visible: boolean): void {
    const changed = visible !== this.poller.isVisible();
    this.poller.setVisible(visible);
    if (changed) for (const listener of [...this.visibilityListeners]) listener(visible);
  }

  /** Whether any window is visible (the hosts say so: Electron's main process, the headless pages). */
  isVisible(): boolean {
    return this.poller.isVisible();
  }

  /** Told when the first window appears or the last one hides; returns the disposer. */
  onVisibility(listener: (visible: boolean) => void): () => void {
    this.visibilityListeners.add(listener);
    return () => this.visibilityListeners.delete(listener);
  }

  setIntervals(intervals: Partial<PollIntervals>): void {
    this.poller.setIntervals(intervals);
  }

  /** The names a window's list shows: their disk sizes and addresses are asked first. */
  showing(names: readonly string[]): void {
    this.poller.showing(names);
  }

  start(): void {
    this.poller.start();
  }

  stop(): void {
    this.poller.stop();
  }
}

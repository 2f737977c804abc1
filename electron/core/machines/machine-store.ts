import { toErrorData, type AppErrorData } from '../../../shared/errors';
import { type MachinesSnapshot } from '../../../shared/ipc/contract';
import type { Machine, MachineInfo } from '../../../shared/machine';
import { changesNothing, machinesChange } from '../../../shared/machines-change';
import type { EventHub } from '../platform/events';
import { InfoCache } from './info-cache';

/**
 * What the main process knows about the machines: the last list, the default machine, what `orbctl info`
 * added, and the last polling error (kept, not swallowed). Only when something a window shows really changed,
 * it tells the windows what changed (`machines:changed`, shared/machines-change.ts) and the core's own
 * listeners the whole snapshot (`onChanged`). When and what to ask orbctl is the poller's business
 * (machine-poller.ts).
 */
export class MachineStore {
  private listed: Machine[] = [];
  private machines: Machine[] = [];
  private defaultName: string | null = null;
  private lastError: AppErrorData | null = null;
  private updatedAt: number | null = null;
  /** The last snapshot told (its machines are `machines`); changes are made from it. */
  private told: MachinesSnapshot = { machines: [], lastError: null, updatedAt: null, version: 0 };
  private version = 0;
  private readonly listeners = new Set<(snapshot: MachinesSnapshot) => void>();
  private settled = false;
  private readonly firstAnswer: Promise<void>;
  private markSettled: () => void = () => {};
  /** Disk sizes and addresses per machine id, with when they were asked. */
  readonly infos = new InfoCache();

  constructor(
    private readonly events: EventHub,
    private readonly now: () => number = Date.now,
  ) {
    this.firstAnswer = new Promise((resolve) => (this.markSettled = resolve));
  }

  snapshot(): MachinesSnapshot {
    return {
      machines: this.machines.map((m) => ({ ...m })),
      lastError: this.lastError,
      updatedAt: this.updatedAt,
      version: this.version,
    };
  }

  /** Told the whole snapshot whenever a change goes to the windows; returns the disposer. */
  onChanged(listener: (snapshot: MachinesSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The machine of this name as a window shows it, or undefined. */
  record(name: string): Machine | undefined {
    const machine = this.machines.find((m) => m.name === name);
    return machine && { ...machine };
  }

  /**
   * The machine of this name with what a recent `orbctl info` told (InfoCache.isRecent, and read at `since` or
   * later), or null.
   */
  recentInfo(name: string, since = -Infinity): MachineInfo | null {
    const machine = this.machines.find((m) => m.name === name);
    if (!machine || !this.infos.isRecent(machine, this.now(), since)) return null;
    return { ...machine, diskSize: machine.diskSize ?? null };
  }

  /** The version of the snapshot now, and its polling error. */
  status(): { version: number; lastError: AppErrorData | null } {
    return { version: this.version, lastError: this.lastError };
  }

  /** The machines as orbctl last listed them (without what info added). */
  list(): readonly Machine[] {
    return this.listed;
  }

  /** True once a first list or error is known. */
  isSettled(): boolean {
    return this.settled;
  }

  /**
   * The snapshot once there is something to say: a window that opens before the first answer waits for it
   * (up to `waitMs`) instead of showing an empty list that is not true.
   */
  async settledSnapshot(waitMs = 8000): Promise<MachinesSnapshot> {
    if (!this.settled) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.firstAnswer, new Promise((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
    }
    return this.snapshot();
  }

  /** A fresh `orbctl list`; `defaultName` when it was asked along with it. */
  setList(machines: readonly Machine[], defaultName?: string | null): void {
    this.listed = machines.map((m) => ({ ...m }));
    if (defaultName !== undefined) this.defaultName = defaultName;
    this.lastError = null;
    this.updatedAt = this.now();
    this.infos.forget(machines);
    this.rebuild();
  }

  /** The list was asked again and orbctl printed exactly what it printed last time. */
  unchanged(): void {
    this.updatedAt = this.now();
    // Nothing a window shows changed, unless this answer ends an error.
    if (this.lastError) {
      this.lastError = null;
      this.rebuild();
    }
  }

  setDefault(name: string | null): void {
    if (name === this.defaultName) return;
    this.defaultName = name;
    this.rebuild();
  }

  setInfo(machine: Machine, info: MachineInfo): void {
    this.infos.set(machine.id, info, this.now());
  }

  /** After a batch of `setInfo`: one event for all of them. */
  infoDone(): void {
    this.rebuild();
  }

  setError(error: unknown): void {
    this.lastError = toErrorData(error);
    this.rebuild();
  }

  private rebuild(): void {
    const machines = this.listed.map((m) =>
      this.infos.apply({ ...m, isDefault: m.name === this.defaultName }),
    );
    if (!this.settled) {
      this.settled = true;
      this.markSettled();
    }
    const next: MachinesSnapshot = {
      machines,
      lastError: this.lastError,
      updatedAt: this.updatedAt,
      version: this.version + 1,
    };
    const change = machinesChange(this.told, next);
    // The first answer is told even when it is an empty list: it says the list was read.
    if (this.version > 0 && changesNothing(change, this.told)) return;
    this.machines = machines;
    this.version = next.version;
    this.told = next;
    this.events.emit('machines:changed', change);
    if (this.listeners.size === 0) return;
    const snapshot = this.snapshot();
    for (const listener of [...this.listeners]) listener(snapshot);
  }
}

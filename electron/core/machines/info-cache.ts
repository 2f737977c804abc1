import type { Machine, MachineInfo } from '../../../shared/machine';

interface Entry {
  state: string;
  fetchedAt: number;
  diskSize: number | null;
  ip4?: string;
  ip6?: string;
}

/** A running machine's disk grows; its info is asked again after this long (only while it is on screen). */
export const MAX_AGE_MS = 60_000;

/**
 * What `orbctl info` told us per machine id, and when, so that only machines that are new, changed state,
 * or (on screen and running) have old numbers are asked again; the list itself comes from one `orbctl list`.
 */
export class InfoCache {
  private readonly entries = new Map<string, Entry>();

  /** Drops what is known about machines no longer listed. */
  forget(listed: readonly Machine[]): void {
    if (this.entries.size === 0) return;
    const ids = new Set(listed.map((m) => m.id));
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }

  set(id: string, info: MachineInfo, now: number): void {
    const entry: Entry = { state: info.state, fetchedAt: now, diskSize: info.diskSize };
    if (info.ip4) entry.ip4 = info.ip4;
    if (info.ip6) entry.ip6 = info.ip6;
    this.entries.set(id, entry);
  }

  /** Whether `machine` needs an `info` call: never asked, changed state, or (when `refreshOld`) old. */
  isStale(machine: Machine, now: number, refreshOld: boolean): boolean {
    const entry = this.entries.get(machine.id);
    if (!entry || entry.state !== machine.state) return true;
    return refreshOld && machine.state === 'running' && now - entry.fetchedAt > MAX_AGE_MS;
  }

  /**
   * Whether what `info` told of `machine` is as recent as a row on screen keeps it, in its state now, and read
   * at `since` or later.
   */
  isRecent(machine: Machine, now: number, since = -Infinity): boolean {
    const entry = this.entries.get(machine.id);
    return (
      !!entry &&
      entry.state === machine.state &&
      entry.fetchedAt >= since &&
      now - entry.fetchedAt <= MAX_AGE_MS
    );
  }

  /** The machine with what info knows; addresses only while it runs, as orbctl gives them. */
  apply(machine: Machine): Machine {
    const entry = this.entries.get(machine.id);
    const result: Machine = { ...machine };
    delete result.ip4;
    delete result.ip6;
    if (!entry) return result;
    result.diskSize = entry.diskSize;
    if (machine.state === 'running' && entry.state === 'running') {
      if (entry.ip4) result.ip4 = entry.ip4;
      if (entry.ip6) result.ip6 = entry.ip6;
    }
    return result;
  }
}

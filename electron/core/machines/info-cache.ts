import type { Machine, MachineInfo } from '../../../shared/machine';

interface Entry {
  state: string;
  fetchedAt: number;
  diskSize: number | null;
  ip4?: string;
  ip6?: string;
}

/** A running machine's disk grows; its info is asked again after this long. */
const MAX_AGE_MS = 60_000;
/** At most this many `info` calls per poll, and this many at once, so hundreds of machines stay cheap. */
const MAX_PER_POLL = 48;
const CONCURRENCY = 4;

/**
 * What `orbctl info` told us per machine id, so each poll asks only about machines that are new, changed
 * state, or whose numbers are old; the list itself comes from one `orbctl list`.
 */
export class InfoCache {
  private readonly entries = new Map<string, Entry>();

  stale(machines: readonly Machine[], now: number): Machine[] {
    const ids = new Set(machines.map((m) => m.id));
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
    return machines
      .filter((m) => {
        const entry = this.entries.get(m.id);
        if (!entry || entry.state !== m.state) return true;
        return m.state === 'running' && now - entry.fetchedAt > MAX_AGE_MS;
      })
      .slice(0, MAX_PER_POLL);
  }

  async fetch(
    machines: Machine[],
    info: (name: string) => Promise<MachineInfo>,
    now: () => number,
  ): Promise<void> {
    const queue = [...machines];
    const worker = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        try {
          const i = await info(m.name);
          const entry: Entry = { state: i.state, fetchedAt: now(), diskSize: i.diskSize };
          if (i.ip4) entry.ip4 = i.ip4;
          if (i.ip6) entry.ip6 = i.ip6;
          this.entries.set(m.id, entry);
        } catch {
          // Deleted or renamed between list and info: the next poll sorts it out.
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
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

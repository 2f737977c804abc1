/**
 * What is known of each machine's inside, in memory: the last sample and the counters the next CPU figure is
 * counted from, the last hour's points, the last reading of its ports, and why nothing can be read now. Each
 * change goes to the windows as `usage:changed`.
 */
import {
  HISTORY_MS,
  type ListeningPort,
  type PortsReading,
  type UsageChange,
  type UsagePoint,
  type UsageSample,
} from '../../../shared/usage';
import type { EventHub } from '../platform/events';
import { portConflicts } from './port-conflicts';
import type { CpuTimes } from './proc-figures';

/** Ports seen longer ago than this are not compared (the machine may have changed since). */
export const PORTS_KEPT_MS = 10 * 60 * 1000;

interface Inside {
  latest: UsageSample | null;
  cpuTimes: CpuTimes | null;
  history: UsagePoint[];
  portsReading: PortsReading | null;
  knownPorts: { at: number; ports: ListeningPort[] } | null;
  unavailable: string | null;
}

export class UsageBook {
  private readonly insides = new Map<string, Inside>();

  constructor(
    private readonly events: EventHub,
    /** Which machines run now (the store's answer): conflicts are among these. */
    private readonly running: () => ReadonlySet<string>,
    private readonly now: () => number = Date.now,
  ) {}

  get(name: string): Readonly<Inside> | undefined {
    return this.insides.get(name);
  }

  /** The counters the machine's next CPU figure is counted from. */
  cpuTimes(name: string): CpuTimes | null {
    return this.insides.get(name)?.cpuTimes ?? null;
  }

  sampled(name: string, sample: UsageSample, cpuTimes: CpuTimes | null): void {
    const inside = this.entry(name);
    inside.latest = sample;
    inside.cpuTimes = cpuTimes;
    inside.unavailable = null;
    if (sample.ports.ok) inside.knownPorts = { at: sample.at, ports: sample.ports.value };
    const point: UsagePoint = {
      at: sample.at,
      cpu: sample.cpu.ok ? sample.cpu.value.percent : null,
      memoryUsedBytes: sample.memory.ok ? sample.memory.value.usedBytes : null,
    };
    inside.history.push(point);
    const oldest = this.now() - HISTORY_MS;
    while (inside.history.length > 0 && inside.history[0]!.at < oldest) inside.history.shift();
    this.emit(name, point);
  }

  portsRead(name: string, reading: PortsReading): void {
    const inside = this.entry(name);
    inside.portsReading = reading;
    if (reading.ports.ok) inside.knownPorts = { at: reading.at, ports: reading.ports.value };
    this.emit(name, null);
  }

  /** Nothing can be read now, and why; the next CPU figure starts afresh (the machine may restart). */
  unavailable(name: string, reason: string): void {
    const inside = this.entry(name);
    if (inside.unavailable === reason) return;
    inside.unavailable = reason;
    inside.cpuTimes = null;
    this.emit(name, null);
  }

  /** Forgets machines that are gone (deleted, renamed: a new name starts afresh). */
  keepOnly(names: ReadonlySet<string>): void {
    for (const name of this.insides.keys()) if (!names.has(name)) this.insides.delete(name);
  }

  /** When the machine's ports were last seen, or null. */
  portsSeenAt(name: string): number | null {
    return this.insides.get(name)?.knownPorts?.at ?? null;
  }

  /** Each machine's ports as last seen within PORTS_KEPT_MS, among `running`. */
  recentPorts(running: ReadonlySet<string>): Map<string, ListeningPort[]> {
    const since = this.now() - PORTS_KEPT_MS;
    const known = new Map<string, ListeningPort[]>();
    for (const [name, inside] of this.insides)
      if (running.has(name) && inside.knownPorts && inside.knownPorts.at >= since)
        known.set(name, inside.knownPorts.ports);
    return known;
  }

  conflicts(name: string): Pick<UsageChange, 'conflicts' | 'comparedWith'> {
    return portConflicts(name, this.recentPorts(this.running()));
  }

  private entry(name: string): Inside {
    let inside = this.insides.get(name);
    if (!inside) {
      inside = {
        latest: null,
        cpuTimes: null,
        history: [],
        portsReading: null,
        knownPorts: null,
        unavailable: null,
      };
      this.insides.set(name, inside);
    }
    return inside;
  }

  private emit(name: string, point: UsagePoint | null): void {
    const inside = this.insides.get(name)!;
    this.events.emit('usage:changed', {
      name,
      unavailable: inside.unavailable,
      latest: inside.latest,
      point,
      portsReading: inside.portsReading,
      ...this.conflicts(name),
    });
  }
}

/**
 * What OrbDeck shows of a running machine's inside: its usage (CPU, memory without the page cache, swap, load,
 * uptime, the root filesystem), what listens on its TCP ports, and how its disk grew. The core samples these
 * with `orbctl run` (electron/core/usage/); every side reads these types, and nothing here builds a schema.
 */

/** A figure, or why there is none (said to the person as it is: "/proc/meminfo has no MemTotal line"). */
export type Figure<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface CpuFigures {
  /** Busy share of all CPUs since the previous sample, 0–100; null for a first sample (nothing to compare). */
  percent: number | null;
  /** How many CPUs `/proc/stat` lists. */
  cores: number;
}

export interface MemoryFigures {
  totalBytes: number;
  /** MemTotal − MemAvailable: what programs hold; the page cache and buffers are not counted. */
  usedBytes: number;
  availableBytes: number;
  /** Buffers + Cached + SReclaimable: memory the kernel gives back on demand. */
  cacheBytes: number;
  /** The kernel has no MemAvailable (before Linux 3.14): `usedBytes` is MemTotal − MemFree − cache, an estimate. */
  estimated: boolean;
}

export interface SwapFigures {
  totalBytes: number;
  usedBytes: number;
}

export interface LoadFigures {
  one: number;
  five: number;
  fifteen: number;
}

export interface FilesystemFigures {
  /** Where it is mounted: `/`, the machine's root filesystem. */
  mount: string;
  totalBytes: number;
  usedBytes: number;
  /** What is left for ordinary users (df's "Available"; root may have a little more). */
  freeBytes: number;
  /** Used share as df computes it, 0–100. */
  usedPercent: number;
  /** Mounted read-only (from `/proc/mounts`); null when that could not be read. */
  readOnly: boolean | null;
}

export type PortScope = 'all' | 'loopback' | 'address';

/** A TCP socket in LISTEN state, from `/proc/net/tcp` or `/proc/net/tcp6`. */
export interface ListeningPort {
  port: number;
  /** `tcp` (IPv4) or `tcp6` (IPv6; an IPv6 socket on `::` also takes IPv4 unless the program said otherwise). */
  protocol: 'tcp' | 'tcp6';
  /** As written by people: `0.0.0.0`, `127.0.0.53`, `::`, `::1`. */
  address: string;
  /** Every address, only the machine itself (loopback), or one address. */
  scope: PortScope;
  /** The program listening, when it could be read (root sees every process). */
  process?: { pid: number; name: string };
}

/** One sample of a running machine, as the core parsed it. */
export interface UsageSample {
  /** Epoch ms when the sample's output was read. */
  at: number;
  cpu: Figure<CpuFigures>;
  memory: Figure<MemoryFigures>;
  swap: Figure<SwapFigures>;
  load: Figure<LoadFigures>;
  uptimeSeconds: Figure<number>;
  filesystem: Figure<FilesystemFigures>;
  /** What listens, without the programs (the sample reads only the socket tables). */
  ports: Figure<ListeningPort[]>;
}

/** One point of the last hour's graphs. */
export interface UsagePoint {
  at: number;
  /** 0–100; null where the sample had no CPU figure. */
  cpu: number | null;
  memoryUsedBytes: number | null;
}

/** What listens on the machine, with the programs (read while a window shows its ports). */
export interface PortsReading {
  at: number;
  ports: Figure<ListeningPort[]>;
  /** What could not be read, said plainly (no IPv6 table, programs that could not be read). */
  notes: string[];
}

/** Another machine listening on the same TCP port on every address: on the Mac, `localhost:PORT` reaches one. */
export interface PortConflict {
  port: number;
  /** The other machines, by name. */
  machines: string[];
}

/** The disk size `orbctl info` reported, recorded a few times a day in the data folder. */
export interface DiskRecord {
  at: number;
  bytes: number;
}

export interface DiskTrend {
  /** Oldest first, at most the last 30 days. */
  records: DiskRecord[];
  /** Bytes grown (negative: shrunk) over the last 7 days, or since the first record when younger. */
  change: number | null;
  /** Epoch ms the change is counted from. */
  since: number | null;
}

/** A folder and what it holds (`du -xk -d 1`: this filesystem only). */
export interface FolderSize {
  path: string;
  bytes: number;
}

export interface FolderSizes {
  /** The folder that was measured. */
  path: string;
  at: number;
  /** What the folder holds in all. */
  totalBytes: number;
  /** Its subfolders, largest first (at most LARGEST_FOLDERS). */
  folders: FolderSize[];
  /** How many more subfolders there were. */
  more: number;
  /** Something could not be read (du said so): the sizes may be low. */
  partial: boolean;
}

/** Everything a window shows of one machine's inside. */
export interface MachineUsage {
  name: string;
  /** Why nothing is sampled now: the machine is stopped, OrbStack is not running, the last sample failed. */
  unavailable: string | null;
  latest: UsageSample | null;
  /** The last hour's points, oldest first (kept in memory while OrbDeck runs; gaps while nobody looked). */
  history: UsagePoint[];
  portsReading: PortsReading | null;
  /** Ports this machine shares with others on every address, from the last known ports of each. */
  conflicts: PortConflict[];
  /** How many other running machines' ports are known (the conflicts are among these). */
  comparedWith: number;
  disk: DiskTrend;
  /** OrbStack's mount of the machine's files on the Mac: `~/OrbStack/NAME`. */
  filesPath: string;
}

/** One sample arrived (the event a window follows; a window pulls `machine:usage` for the whole picture). */
export interface UsageChange {
  name: string;
  unavailable: string | null;
  latest: UsageSample | null;
  /** The point added to the history, if any. */
  point: UsagePoint | null;
  portsReading: PortsReading | null;
  conflicts: PortConflict[];
  comparedWith: number;
}

/** The machine's filesystem is this full (percent) or more: the row gets a mark and the person is told once. */
export const DISK_FULL_PERCENT = 90;
/** How many subfolders a largest-folders answer lists. */
export const LARGEST_FOLDERS = 12;
/** How long the graphs reach back. */
export const HISTORY_MS = 60 * 60 * 1000;

/** The figure's value, or null. */
export function valueOf<T>(figure: Figure<T> | undefined | null): T | null {
  return figure && figure.ok ? figure.value : null;
}

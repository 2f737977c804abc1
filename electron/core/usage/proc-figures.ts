/**
 * Readers of the kernel's own texts: `/proc/stat`, `/proc/meminfo`, `/proc/loadavg`, `/proc/uptime`
 * (proc(5)). They are the kernel's, not the distro's, so glibc and busybox machines print them alike; older
 * kernels print fewer columns and no MemAvailable. Anything else is refused with the reason, never guessed.
 */
import type { CpuFigures, Figure, LoadFigures, MemoryFigures, SwapFigures } from '../../../shared/usage';

export const ok = <T>(value: T): Figure<T> => ({ ok: true, value });
export const missing = <T>(reason: string): Figure<T> => ({ ok: false, reason });

/** The jiffies of all CPUs together: what the next sample compares against. */
export interface CpuTimes {
  /** Every state counted once (guest time is already inside user and nice). */
  total: number;
  /** idle + iowait. */
  idle: number;
  cores: number;
}

/** Shows at most this much of a text that was not what was expected. */
export function quote(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `“${line.slice(0, 60)}…”` : `“${line}”`;
}

/**
 * The `cpu` line of `/proc/stat`: user nice system idle [iowait irq softirq steal [guest [guest_nice]]].
 * Kernels since 2.6.33 print ten numbers; the first four are enough.
 */
export function parseCpuTimes(stat: string): Figure<CpuTimes> {
  const line = /^cpu\s+(.*)$/m.exec(stat)?.[1];
  if (line === undefined) return missing(`/proc/stat has no “cpu” line: ${quote(stat)}`);
  const numbers = line.trim().split(/\s+/);
  if (numbers.length < 4 || !numbers.every((n) => /^\d+$/.test(n)))
    return missing(`/proc/stat’s “cpu” line is not a row of counters: ${quote(line)}`);
  // user nice system idle iowait irq softirq steal; a kernel that prints fewer has none of the rest.
  const [user, nice, system, idle, iowait, irq, softirq, steal] = Array.from({ length: 8 }, (_, i) =>
    Number(numbers[i] ?? 0),
  ) as [number, number, number, number, number, number, number, number];
  const cores = (stat.match(/^cpu\d+\s/gm) ?? []).length;
  return ok({
    total: user + nice + system + idle + iowait + irq + softirq + steal,
    idle: idle + iowait,
    cores: Math.max(cores, 1),
  });
}

/**
 * The busy share between two readings, 0–100. Null when there is nothing to compare: a first reading, or
 * counters that did not move forward (the machine restarted in between, or two readings within one tick).
 */
export function cpuFigures(now: CpuTimes, before: CpuTimes | null): CpuFigures {
  if (!before) return { percent: null, cores: now.cores };
  const total = now.total - before.total;
  const idle = now.idle - before.idle;
  if (total <= 0 || idle < 0 || idle > total) return { percent: null, cores: now.cores };
  return { percent: Math.round(((total - idle) / total) * 1000) / 10, cores: now.cores };
}

/** `Key:   1234 kB` lines; the kernel's "kB" is KiB. Lines without a unit (HugePages_Total) are counts. */
function meminfoFields(text: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const m of text.matchAll(/^([A-Za-z0-9_()]+):\s+(\d+)(?:\s+kB)?\s*$/gm))
    fields.set(m[1]!, Number(m[2]) * (m[0].includes('kB') ? 1024 : 1));
  return fields;
}

/**
 * Memory in use is MemTotal − MemAvailable: the page cache and reclaimable slab are the kernel's to give back,
 * and counting them as used is the mistake that shows 64 % for a machine using 20 %. Without MemAvailable (Linux
 * before 3.14) free + buffers + cached + SReclaimable stands in, marked as an estimate.
 */
export function parseMemory(meminfo: string): Figure<MemoryFigures> {
  const f = meminfoFields(meminfo);
  const total = f.get('MemTotal');
  if (total === undefined || total <= 0) return missing(`/proc/meminfo has no MemTotal: ${quote(meminfo)}`);
  const cache = (f.get('Buffers') ?? 0) + (f.get('Cached') ?? 0) + (f.get('SReclaimable') ?? 0);
  const reported = f.get('MemAvailable');
  const free = f.get('MemFree');
  if (reported === undefined && free === undefined)
    return missing('/proc/meminfo has neither MemAvailable nor MemFree.');
  const available = Math.min(total, reported ?? free! + cache);
  return ok({
    totalBytes: total,
    usedBytes: total - available,
    availableBytes: available,
    cacheBytes: cache,
    estimated: reported === undefined,
  });
}

export function parseSwap(meminfo: string): Figure<SwapFigures> {
  const f = meminfoFields(meminfo);
  const total = f.get('SwapTotal');
  const free = f.get('SwapFree');
  if (total === undefined || free === undefined)
    return missing('/proc/meminfo has no SwapTotal and SwapFree lines.');
  return ok({ totalBytes: total, usedBytes: Math.max(0, total - free) });
}

/** `0.08 0.03 0.01 1/123 4567`: the 1, 5 and 15 minute load averages first. */
export function parseLoad(loadavg: string): Figure<LoadFigures> {
  const m = /^\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)(?:\s|$)/.exec(loadavg);
  if (!m) return missing(`/proc/loadavg is not three load averages: ${quote(loadavg)}`);
  return ok({ one: Number(m[1]), five: Number(m[2]), fifteen: Number(m[3]) });
}

/** `12345.67 23456.78`: seconds since boot, then idle seconds summed over CPUs. */
export function parseUptime(uptime: string): Figure<number> {
  const m = /^\s*(\d+(?:\.\d+)?)(?:\s|$)/.exec(uptime);
  if (!m) return missing(`/proc/uptime is not a number of seconds: ${quote(uptime)}`);
  return ok(Number(m[1]));
}

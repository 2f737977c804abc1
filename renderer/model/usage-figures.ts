/**
 * How a machine's usage is written for people: percentages, uptime, the disk's trend in a sentence, the last
 * hour's points thinned out for a small graph, and the figures a list row shows.
 */
import { formatBytes } from '../../shared/byte-size';
import {
  DISK_FULL_PERCENT,
  valueOf,
  type DiskTrend,
  type UsagePoint,
  type UsageSample,
} from '../../shared/usage';

/** "12.4 %", one decimal below 10 and none above (a list column has little room). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value < 10 ? `${value.toFixed(1)} %` : `${Math.round(value)} %`;
}

/** "3 d 4 h", "5 h 12 min", "42 min", "18 s". */
export function formatUptime(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "grew 3.2 GB this week", "shrank 200.0 MB since Dec 3", "unchanged this week"; null with no trend yet. */
export function describeTrend(trend: DiskTrend, now: number): string | null {
  if (trend.change === null || trend.since === null) return null;
  const span =
    now - trend.since >= 6.5 * DAY_MS
      ? 'this week'
      : `since ${new Date(trend.since).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}`;
  if (Math.abs(trend.change) < 1_000_000) return `unchanged ${span}`;
  return `${trend.change > 0 ? 'grew' : 'shrank'} ${formatBytes(Math.abs(trend.change))} ${span}`;
}

/**
 * At most `max` values for a graph: consecutive points averaged in equal groups, points without the figure
 * left out. The graph has no time axis; its caption says when the first point was taken.
 */
export function thinOut(
  points: readonly UsagePoint[],
  pick: (p: UsagePoint) => number | null,
  max: number,
): number[] {
  const values = points.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length <= max) return values;
  const size = values.length / max;
  return Array.from({ length: max }, (_, i) => {
    const group = values.slice(Math.floor(i * size), Math.floor((i + 1) * size));
    return group.reduce((sum, v) => sum + v, 0) / group.length;
  });
}

/** What a list row shows of a machine's usage (null where not known). */
export interface RowFigures {
  cpu: number | null;
  memoryUsed: number | null;
  memoryTotal: number | null;
  /** The filesystem's used percent when it is DISK_FULL_PERCENT or more. */
  diskFull: number | null;
}

export function rowFigures(sample: UsageSample | null): RowFigures {
  const memory = valueOf(sample?.memory);
  const filesystem = valueOf(sample?.filesystem);
  return {
    cpu: valueOf(sample?.cpu)?.percent ?? null,
    memoryUsed: memory?.usedBytes ?? null,
    memoryTotal: memory?.totalBytes ?? null,
    diskFull: filesystem && filesystem.usedPercent >= DISK_FULL_PERCENT ? filesystem.usedPercent : null,
  };
}

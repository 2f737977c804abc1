import { appendFileSync } from 'node:fs';

/** Small statistics for benchmarks: medians over interleaved runs, printed as ratios. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export interface Comparison {
  name: string;
  baseline: { label: string; values: number[] };
  subject: { label: string; values: number[] };
  unit: string;
}

export const fmt = (v: number) =>
  Number.isNaN(v)
    ? 'n/a'
    : !Number.isFinite(v)
      ? String(v)
      : Math.abs(v) >= 100
        ? v.toFixed(0)
        : Math.abs(v) >= 1
          ? v.toFixed(2)
          : v.toFixed(4);

export function report(c: Comparison): { ratio: number; line: string } {
  const b = median(c.baseline.values);
  const s = median(c.subject.values);
  const ratio = s / b;
  const line =
    `${c.name}: ${c.subject.label} ${fmt(s)} ${c.unit} vs ${c.baseline.label} ${fmt(b)} ${c.unit} ` +
    `(median of ${c.subject.values.length}) → ratio ${ratio.toFixed(3)}`;
  return { ratio, line };
}

/**
 * One figure of `npm run bench`, as scripts/bench.mjs prints it in its summary table. `limit` is the target
 * in the figure's own unit (the figure must be at most that); the ratio is figure / baseline when there is a
 * baseline, else figure / limit.
 */
export interface Figure {
  id: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  target?: { label: string; limit: number; strict?: boolean };
  note?: string;
}

/** Prints the figure's line and, when scripts/bench.mjs runs this, hands it over for the summary table. */
export function record(f: Figure): void {
  console.log(figureLine(f));
  const file = process.env.ORBDECK_BENCH_RESULTS;
  if (file) appendFileSync(file, JSON.stringify(f) + '\n');
}

export function ratioOf(f: Figure): number | null {
  if (f.baseline && f.baseline.value > 0) return f.value / f.baseline.value;
  if (f.target && f.target.limit > 0) return f.value / f.target.limit;
  return null;
}

export function metOf(f: Figure): boolean | null {
  if (!f.target || !Number.isFinite(f.value)) return null;
  return f.target.strict ? f.value < f.target.limit : f.value <= f.target.limit;
}

export function figureLine(f: Figure): string {
  const ratio = ratioOf(f);
  const met = metOf(f);
  const parts = [`${f.figure}: ${fmt(f.value)} ${f.unit}`];
  if (f.baseline) parts.push(`baseline ${fmt(f.baseline.value)} ${f.unit} (${f.baseline.label})`);
  if (ratio !== null) parts.push(`ratio ${ratio.toFixed(3)}`);
  if (f.target) parts.push(`target ${f.target.label} → ${met ? 'met' : 'NOT met'}`);
  return parts.join(' | ') + (f.note ? `\n  ${f.note}` : '');
}

/** Small statistics for benchmarks: medians over interleaved runs, printed as ratios. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Comparison {
  name: string;
  baseline: { label: string; values: number[] };
  subject: { label: string; values: number[] };
  unit: string;
}

export function report(c: Comparison): { ratio: number; line: string } {
  const b = median(c.baseline.values);
  const s = median(c.subject.values);
  const ratio = s / b;
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(4));
  const line =
    `${c.name}: ${c.subject.label} ${fmt(s)} ${c.unit} vs ${c.baseline.label} ${fmt(b)} ${c.unit} ` +
    `(median of ${c.subject.values.length}) → ratio ${ratio.toFixed(3)}`;
  return { ratio, line };
}

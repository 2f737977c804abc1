// Figures of `npm run bench`, for the scripts and the TypeScript benchmarks alike (types in bench-results.d.mts):
// each printed as one line and appended to ORBDECK_BENCH_RESULTS for tools/bench/bench.mjs's summary table.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export const fmt = (v) =>
  v === null || Number.isNaN(v)
    ? 'n/a'
    : !Number.isFinite(v)
      ? String(v)
      : Math.abs(v) >= 100
        ? v.toFixed(0)
        : Math.abs(v) >= 1
          ? v.toFixed(2)
          : v.toFixed(4);

export function median(values) {
  return quantile(values, 0.5);
}

export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

/**
 * The least-squares slope of `[seconds, value]` points, a minute: a trend that one noisy sample at either end
 * cannot fake or hide (single RSS samples of one soak differ by ±4 MB).
 */
export function perMinute(points) {
  if (points.length < 2) return 0;
  const mean = (i) => points.reduce((a, p) => a + p[i], 0) / points.length;
  const [mt, mv] = [mean(0), mean(1)];
  const cov = points.reduce((a, [t, v]) => a + (t - mt) * (v - mv), 0);
  const spread = points.reduce((a, [t]) => a + (t - mt) ** 2, 0);
  return spread === 0 ? 0 : (cov / spread) * 60;
}

export function ratioOf(f) {
  if (f.baseline && f.baseline.value > 0) return f.value / f.baseline.value;
  if (f.target && f.target.limit > 0) return f.value / f.target.limit;
  return null;
}

export function metOf(f) {
  if (!f.target || f.value === null || !Number.isFinite(f.value)) return null;
  return f.target.strict ? f.value < f.target.limit : f.value <= f.target.limit;
}

export function figureLine(f) {
  const ratio = ratioOf(f);
  const parts = [`${f.figure}: ${fmt(f.value)} ${f.unit}`];
  if (f.baseline) parts.push(`baseline ${fmt(f.baseline.value)} ${f.unit} (${f.baseline.label})`);
  if (ratio !== null) parts.push(`ratio ${ratio.toFixed(3)}`);
  if (f.target) parts.push(`target ${f.target.label} → ${metOf(f) ? 'met' : 'NOT met'}`);
  return parts.join(' | ') + (f.note ? `\n  ${f.note}` : '');
}

/** Prints the figure and hands it to the summary table. */
export function record(f) {
  console.log(figureLine(f));
  const file = process.env.ORBDECK_BENCH_RESULTS;
  if (file) appendFileSync(file, JSON.stringify(f) + '\n');
}

export function readResults(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** The summary as a Markdown table (the README carries it). */
export function summaryTable(figures) {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    const met = metOf(f);
    return [
      f.figure,
      `${fmt(f.value)} ${f.unit}`,
      f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.label})` : '',
      ratio === null ? '' : ratio.toFixed(3),
      f.target ? f.target.label : '',
      met === null ? '' : met ? 'met' : 'not met',
    ];
  });
  const head = ['figure', 'OrbDeck', 'baseline', 'ratio', 'target', ''];
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** BENCH_ONLY=a,b: whether section `name` runs. */
export function wanted(name) {
  const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  return only.length === 0 || only.includes(name);
}

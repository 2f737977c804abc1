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

/** The figure's value, with its p95 beside it when it has one: `523 ms (p95 663)`. */
function valueText(f) {
  return `${fmt(f.value)} ${f.unit}${f.p95 === undefined ? '' : ` (p95 ${fmt(f.p95)})`}`;
}

export function figureLine(f) {
  const ratio = ratioOf(f);
  const parts = [`${f.figure}: ${valueText(f)}`];
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

/** Says that a section of the bench failed; the summary names it and `npm run bench` exits non-zero. */
export function recordFailure(section, error) {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.log(`Section ${section} FAILED: ${message}`);
  process.exitCode = 1;
  const file = process.env.ORBDECK_BENCH_RESULTS;
  if (file) appendFileSync(file, JSON.stringify({ failed: section, error: firstLine(message) }) + '\n');
}

const firstLine = (text) => text.split('\n')[0];

/**
 * Runs section `name` when BENCH_ONLY asks for it; a section that throws is recorded as failed (the others
 * still run).
 */
export async function runSection(name, run) {
  if (!wanted(name)) return;
  try {
    await run();
  } catch (error) {
    recordFailure(name, error);
  }
}

/** The figures and the failed sections written to `file`. */
export function readResults(file) {
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  return {
    figures: lines.filter((l) => !('failed' in l)),
    failures: lines.filter((l) => 'failed' in l),
  };
}

/** The summary's last line: the targets met, and the sections that failed. */
export function summaryLine({ figures, failures }) {
  const targets = figures.filter((f) => f.target);
  const met = targets.filter((f) => metOf(f) === true).length;
  const line = `${met} of ${targets.length} targets met.`;
  if (failures.length === 0) return line;
  const which = failures.map((f) => `${f.failed} (${f.error})`).join('; ');
  return `${line}\n${failures.length} section(s) FAILED: ${which}`;
}

/** The summary as a Markdown table (the README carries it). */
export function summaryTable(figures) {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    const met = metOf(f);
    return [
      f.figure,
      valueText(f),
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

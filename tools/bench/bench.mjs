// `npm run bench`: the core benchmarks (dist/bench/bench.mjs), the idle ones on a headless host, and the UI ones
// in Chromium; each figure is printed with its baseline (measured in the same run) or target and the ratio,
// then one summary table. BENCH_ONLY=name,name runs a subset:
//   core: timing poll info export checksum queue memory usage · idle: idle · UI: pageload startup list roundtrip ·
//   bundle
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  readResults,
  record,
  recordFailure,
  runSection,
  summaryLine,
  summaryTable,
  wanted,
} from './lib/bench-results.mjs';
import { ensureBuild, ensureDependencies, findChromium, root } from '../../scripts/lib/setup.mjs';

ensureDependencies();
await ensureBuild();
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'orbdeck-bench-results-'));
const results = join(work, 'figures.jsonl');
process.env.ORBDECK_BENCH_RESULTS = results;
// NODE_EXTRA_CA_CERTS (set on some machines) doubles every Node start, the simulator's included.
const env = { ...process.env, ORBDECK_BENCH_RESULTS: results };
delete env.NODE_EXTRA_CA_CERTS;

const CORE = ['timing', 'poll', 'info', 'export', 'checksum', 'queue', 'memory', 'usage'];
const UI = ['pageload', 'startup', 'list', 'roundtrip'];
const chromium = findChromium();
const steps = [];
if (CORE.some(wanted)) steps.push(['core', join(root, 'dist/bench/bench.mjs')]);
if (wanted('idle')) steps.push(['idle', join(root, 'tools/bench/bench-idle.mjs')]);
if (UI.some(wanted)) {
  if (chromium) steps.push(['UI', join(root, 'tools/bench/bench-ui.mjs')]);
  else
    console.log('No Chromium: skipping the UI benchmarks (apt-get install chromium, or set CHROMIUM_PATH).');
}
for (const [section, ...args] of steps) {
  const failedBefore = readResults(results).failures.length;
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  // A section that failed inside the script said so itself; an exit for any other reason is a failure too.
  if (result.status !== 0 && readResults(results).failures.length === failedBefore)
    recordFailure(section, new Error(`${basename(args[0])} exited with ${result.status ?? result.signal}`));
}

await runSection('bundle', () => {
  const assets = join(root, 'dist/renderer/assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  const raw = js.reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
  record({
    id: 'bundle',
    figure: 'Renderer JavaScript, gzipped',
    value: gz / 1024,
    unit: 'KB',
    target: { label: '< 150 KB', limit: 150, strict: true },
    // The entry chunk is what a window parses before its list can paint; the dialogs load when first opened.
    note: `${js.length} file(s), ${(raw / 1024).toFixed(0)} KB before gzip; loaded at start: ${js
      .filter((f) => f.startsWith('index-'))
      .map((f) => `${(gzipSync(readFileSync(join(assets, f)), { level: 9 }).length / 1024).toFixed(0)} KB`)
      .join(' + ')} gzipped`,
  });
});

const outcome = readResults(results);
rmSync(work, { recursive: true, force: true });
const chromiumVersion = chromium
  ? spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim()
  : 'none';
console.log(
  `\nSummary (${new Date().toISOString().slice(0, 10)}; ${process.arch}, ${(await import('node:os')).cpus().length} cores, ` +
    `Node ${process.versions.node}, ${chromiumVersion}; ${((performance.now() - started) / 60000).toFixed(1)} min)\n`,
);
console.log(summaryTable(outcome.figures));
console.log(`\n${summaryLine(outcome)}`);
if (outcome.failures.length) process.exitCode = 1;

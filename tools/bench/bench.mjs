// `npm run bench`: the core benchmarks (dist/bench/bench.mjs), the idle ones on a headless host, and the UI ones
// in Chromium; each figure is printed with its baseline (measured in the same run) or target and the ratio,
// then one summary table. BENCH_ONLY=name,name runs a subset:
//   core: timing poll info export checksum queue memory usage · idle: idle · UI: pageload startup list roundtrip ·
//   bundle
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { metOf, readResults, record, summaryTable, wanted } from './lib/bench-results.mjs';
import { ensureBuild, ensureDependencies, findChromium, root } from '../../scripts/lib/setup.mjs';

ensureDependencies();
await ensureBuild();
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'orbdeck-bench-results-'));
const results = join(work, 'figures.jsonl');
// NODE_EXTRA_CA_CERTS (set on some machines) doubles every Node start, the simulator's included.
const env = { ...process.env, ORBDECK_BENCH_RESULTS: results };
delete env.NODE_EXTRA_CA_CERTS;

const CORE = ['timing', 'poll', 'info', 'export', 'checksum', 'queue', 'memory', 'usage'];
const UI = ['pageload', 'startup', 'list', 'roundtrip'];
const chromium = findChromium();
const steps = [];
if (CORE.some(wanted)) steps.push([join(root, 'dist/bench/bench.mjs')]);
if (wanted('idle')) steps.push([join(root, 'tools/bench/bench-idle.mjs')]);
if (UI.some(wanted)) {
  if (chromium) steps.push([join(root, 'tools/bench/bench-ui.mjs')]);
  else
    console.log('No Chromium: skipping the UI benchmarks (apt-get install chromium, or set CHROMIUM_PATH).');
}
for (const args of steps) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0)
    console.log(`(${args[0]} exited with ${result.status}; its figures so far are kept)`);
}

if (wanted('bundle')) {
  process.env.ORBDECK_BENCH_RESULTS = results;
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
}

const figures = readResults(results);
rmSync(work, { recursive: true, force: true });
const chromiumVersion = chromium
  ? spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim()
  : 'none';
console.log(
  `\nSummary (${new Date().toISOString().slice(0, 10)}; ${process.arch}, ${(await import('node:os')).cpus().length} cores, ` +
    `Node ${process.versions.node}, ${chromiumVersion}; ${((performance.now() - started) / 60000).toFixed(1)} min)\n`,
);
console.log(summaryTable(figures));
const met = figures.filter((f) => metOf(f) === true);
console.log(`\n${met.length} of ${figures.filter((f) => f.target).length} targets met.`);

// `npm run bench` (core part): each benchmark measures OrbDeck against a baseline measured in the same run (or
// against the target) and records the figure for the summary table. Nothing here asserts: the
// numbers are for people (and the README). BENCH_ONLY=poll,info,... runs a subset (see SECTIONS).
// The figures themselves are in machine-figures.ts, transfer-figures.ts, job-figures.ts, memory-figures.ts and
// usage-figures.ts.
import { spawnSync } from 'node:child_process';
import { Timing } from '../../../electron/core';
import { median, record } from '../lib/bench-results.mjs';
import { rounds } from './harness';
import { queueCost } from './job-figures';
import { infoLoad, pollCost } from './machine-figures';
import { memory } from './memory-figures';
import { exportChecksumOverhead, exportOverhead } from './transfer-figures';
import { usageCost } from './usage-figures';

/** The timing wrapper around a no-op vs the bare no-op, and vs what it wraps in real life: a process spawn. */
async function timingOverhead(): Promise<void> {
  const timing = new Timing();
  const n = 100_000;
  const noop = async () => 1;
  const bare: number[] = [];
  const wrapped: number[] = [];
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    for (let i = 0; i < n; i++) await noop();
    bare.push(((performance.now() - t) / n) * 1000);
    t = performance.now();
    for (let i = 0; i < n; i++) await timing.time('op', noop, { log: 'none' });
    wrapped.push(((performance.now() - t) / n) * 1000);
  }
  const spawns: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    spawns.push((performance.now() - t) * 1000);
  }
  const cost = median(wrapped) - median(bare);
  record({
    id: 'timing',
    figure: 'Timing wrapper: one wrapped call (median)',
    value: median(wrapped),
    unit: 'µs',
    baseline: { label: 'the same call, bare', value: median(bare) },
    note: `cost ${cost.toFixed(2)} µs per call = ${((cost / median(spawns)) * 100).toFixed(4)} % of one process spawn (${(median(spawns) / 1000).toFixed(1)} ms)`,
  });
}

const SECTIONS: Record<string, () => Promise<void> | void> = {
  timing: timingOverhead,
  poll: pollCost,
  info: infoLoad,
  export: exportOverhead,
  queue: queueCost,
  memory,
  checksum: exportChecksumOverhead,
  usage: usageCost,
};

const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
console.log(`OrbDeck core benchmarks (${rounds} interleaved rounds each; ratio = OrbDeck / baseline)\n`);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only.length && !only.includes(name)) continue;
  const t = performance.now();
  await run();
  console.log(`  (${name}: ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
}

// `npm run bench` (core part): each benchmark measures OrbDeck against a baseline measured in the same run (or
// against the target) and records the figure for the summary table. Nothing here asserts: the
// numbers are for people (and the README). BENCH_ONLY=poll,info,... runs a subset (see SECTIONS).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '../../../shared/jobs';
import { createCore, type Core } from '../app-core';
import { ExportTargets } from '../files/export-target';
import { exportJob } from '../jobs/transfer-jobs';
import { Timing } from '../timing';
import { fmt, median, quantile, record } from '../../../scripts/lib/bench-results.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIM = join(here, '../sim/orbctl-sim.mjs');
const rounds = Number(process.env.ORBDECK_BENCH_ROUNDS) || 5;

function simEnv(home: string, extra: Record<string, string> = {}) {
  return { PATH: process.env.PATH ?? '', ORBCTL_SIM_HOME: home, ORBCTL_SIM_SEED: 'demo', ...extra };
}

/** scripts/lib/demo-host.mjs (plain JS, shared with the UI benchmarks): adds vm-000… to a simulator state. */
const demoHost = (await import(join(here, '../../scripts/lib/demo-host.mjs'))) as {
  addMachines(env: NodeJS.ProcessEnv, count: number): void;
};

function sim(env: NodeJS.ProcessEnv, ...args: string[]): void {
  const run = spawnSync(SIM, args, { env });
  if (run.status !== 0) throw new Error(`orbctl-sim ${args.join(' ')}: ${String(run.stderr)}`);
}

/** The simulator through a plain asynchronous spawn, reading its output as the adapter does (no execa). */
function simAsync(env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(SIM, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {});
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`orbctl-sim exited ${code}`))));
  });
}

/** A core on its own simulator state with `extra` machines added (vm-0…), and how to throw it away. */
function benchCore(
  extra: number,
  env: Record<string, string> = {},
  startsVisible = true,
): { core: Core; env: NodeJS.ProcessEnv; done(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-'));
  const simHome = simEnv(join(dir, 'sim'), env);
  demoHost.addMachines(simHome, extra);
  const core = createCore({
    version: 'bench',
    dataDir: join(dir, 'data'),
    demo: true,
    simBinary: SIM,
    env: { ...simHome, ORBDECK_POLL_MS: env.ORBDECK_POLL_MS ?? '60000' },
    startsVisible,
  });
  return {
    core,
    env: simHome,
    async done() {
      await core.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until every listed machine has a disk size (what `orbctl info` adds), polling as a window would. */
async function untilInfo(core: Core, names: readonly string[] | null, timeoutMs: number): Promise<number> {
  const t = performance.now();
  const wanted = names ? new Set(names) : null;
  while (performance.now() - t < timeoutMs) {
    const machines = core.machines.snapshot().machines.filter((m) => !wanted || wanted.has(m.name));
    if (machines.length > 0 && machines.every((m) => m.diskSize !== undefined)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - t;
}

/** One poll of `orbctl list` with 307 machines: spawn + parse + compare, vs the spawn alone. */
async function pollCost(): Promise<void> {
  const { core, env, done } = benchCore(300);
  await core.machines.settledSnapshot(60_000);
  // Disk sizes and addresses first (asked beside the polls, 48 off-screen machines a round); then only what
  // changes is asked.
  for (let i = 0; i < 20 && core.machines.snapshot().machines.some((m) => m.diskSize === undefined); i++) {
    await core.machines.refresh();
    await core.machines.poller.infoIdle();
  }
  const spawnOnly: number[] = [];
  const asyncOnly: number[] = [];
  const poll: number[] = [];
  for (let i = 0; i < rounds * 2; i++) {
    let t = performance.now();
    sim(env, 'list', '-f', 'json');
    spawnOnly.push(performance.now() - t);
    t = performance.now();
    await simAsync(env, 'list', '-f', 'json');
    asyncOnly.push(performance.now() - t);
    t = performance.now();
    await core.machines.refresh();
    poll.push(performance.now() - t);
  }
  const count = core.machines.snapshot().machines.length;
  await done();
  record({
    id: 'poll',
    figure: `Steady poll of ${count} machines vs orbctl list alone`,
    value: median(poll),
    unit: 'ms',
    baseline: { label: 'orbctl list alone', value: median(spawnOnly) },
    target: { label: '≤ 1.05 × orbctl list', limit: 1.05 * median(spawnOnly) },
    note:
      `medians of ${poll.length} interleaved; the same command through a bare async spawn (what any caller that ` +
      `does not block pays): ${fmt(median(asyncOnly))} ms; while a window is visible one \`orbctl default\` per ` +
      `minute comes on top (none hidden)`,
  });
}

/**
 * Disk sizes and addresses for 307 machines, as a window sees them: it reports the 25 rows it shows; those
 * must be complete within 2 s, and the list polls meanwhile must not wait for the rest.
 */
async function infoLoad(): Promise<void> {
  const { core, env, done } = benchCore(300, { ORBDECK_POLL_MS: '3000' });
  await core.machines.settledSnapshot(60_000);
  const shown = core.machines
    .snapshot()
    .machines.slice(140, 165)
    .map((m) => m.name);
  const t = performance.now();
  core.machines.showing(shown);
  const visibleMs = await untilInfo(core, shown, 60_000);
  const bare: number[] = [];
  const during: number[] = [];
  // Polls while the rest is being asked, interleaved with bare lists under the same load; three times the
  // usual rounds, as a difference of 10–20 ms is being told apart.
  for (
    let i = 0;
    i < rounds * 3 && core.machines.snapshot().machines.some((m) => m.diskSize === undefined);
    i++
  ) {
    let s = performance.now();
    sim(env, 'list', '-f', 'json');
    bare.push(performance.now() - s);
    s = performance.now();
    await core.machines.refresh();
    during.push(performance.now() - s);
  }
  await untilInfo(core, null, 180_000);
  const allMs = performance.now() - t;
  const count = core.machines.snapshot().machines.length;
  await done();
  record({
    id: 'info-visible',
    figure: `Disk sizes and addresses of the 25 rows on screen (${count} machines)`,
    value: visibleMs,
    unit: 'ms',
    target: { label: '≤ 2,000 ms', limit: 2000 },
    note: `all ${count} machines complete after ${fmt(allMs / 1000)} s`,
  });
  if (during.length > 0)
    record({
      id: 'info-list',
      figure: 'A list poll while the other disk sizes are asked, vs orbctl list under the same load',
      value: median(during),
      unit: 'ms',
      baseline: { label: 'orbctl list alone, interleaved', value: median(bare) },
      target: { label: '≤ 1.2 × orbctl list (the rest never delays the list)', limit: 1.2 * median(bare) },
      note: `medians of ${during.length}`,
    });
}

/** Export through the whole app (job, progress watching, partial file, rename) vs the same export by orbctl alone. */
async function exportOverhead(): Promise<void> {
  const { core, env, done } = benchCore(0, { ORBCTL_SIM_SPEED: '8', ORBCTL_SIM_EXPORT_SCALE: '0.05' });
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-export-'));
  const direct: number[] = [];
  const viaApp: number[] = [];
  await core.machines.settledSnapshot(60_000);
  // One round first that is not counted, as the poll's warm-up: the first export through the app also asks
  // `orbctl info` for the disk size, which a window that showed the machine already knows. Then twice the
  // rounds, interleaved so both see the same load: one export varies by ±50 ms from round to round.
  for (let i = -1; i < rounds * 2; i++) {
    let t = performance.now();
    sim(env, 'export', 'ubuntu', join(dir, `direct-${i}.tar.zst`));
    const directMs = performance.now() - t;
    t = performance.now();
    const result = await core.router.invoke(
      'machine:export',
      { name: 'ubuntu', path: join(dir, `app-${i}.tar.zst`) },
      { transport: 'headless' },
    );
    if (!result.ok) throw new Error(result.error.message);
    await core.jobs.whenIdle();
    const job = core.jobs.get((result.data as Job).id);
    if (job.state !== 'succeeded') throw new Error(`export ${job.state}`);
    if (i < 0) continue;
    direct.push(directMs);
    viaApp.push(performance.now() - t);
  }
  await done();
  rmSync(dir, { recursive: true, force: true });
  record({
    id: 'export',
    figure: 'Export of a 1 GB machine (simulated, 8× speed) through OrbDeck vs orbctl export alone',
    value: median(viaApp),
    unit: 'ms',
    baseline: { label: 'orbctl export alone', value: median(direct) },
    target: { label: '≤ 1.02 × orbctl export', limit: 1.02 * median(direct) },
    note: `overhead ${(median(viaApp) - median(direct)).toFixed(0)} ms per export (medians of ${viaApp.length} interleaved, after one not counted)`,
  });
}

/** 1,000 jobs submitted through the router while none may start: the cost of each, first and last hundred. */
async function queueCost(): Promise<void> {
  // No window: nothing but the submissions runs meanwhile (no disk sizes asked in the background).
  const { core, done } = benchCore(125, {}, false);
  await core.machines.settledSnapshot(60_000);
  let release: () => void = () => {};
  core.jobs.hold(new Promise<void>((r) => (release = r)));
  const names = core.machines
    .snapshot()
    .machines.filter((m) => m.name.startsWith('vm-'))
    .map((m) => m.name);
  const each: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const name = names[i % names.length]!;
    // Start and stop in turn: two identical requests in a row would be one job.
    const channel = Math.floor(i / names.length) % 2 ? 'machine:stop' : 'machine:start';
    let t = performance.now();
    await core.router.invoke('jobs:cancel', { id: 'job-none-1' }, { transport: 'headless' });
    bare.push(performance.now() - t);
    t = performance.now();
    const result = await core.router.invoke(channel, { name }, { transport: 'headless' });
    each.push(performance.now() - t);
    if (!result.ok) throw new Error(`${channel} ${name}: ${result.error.message}`);
  }
  core.jobs.cancelAll();
  release();
  await done();
  const first = median(each.slice(0, 100));
  const last = median(each.slice(-100));
  record({
    id: 'queue',
    figure: 'Submitting 1,000 queued jobs: cost of one submission (median)',
    value: median(each),
    unit: 'ms',
    baseline: { label: 'a router call that does nothing (jobs:cancel of no job)', value: median(bare) },
    target: { label: '< 1 ms', limit: 1, strict: true },
    note: `total ${fmt(each.reduce((a, b) => a + b, 0))} ms; p95 ${fmt(quantile(each, 0.95))} ms`,
  });
  record({
    id: 'queue-flat',
    figure: 'Submitting 1,000 queued jobs: the last hundred vs the first hundred (medians)',
    value: last,
    unit: 'ms',
    baseline: { label: 'first hundred', value: first },
    target: { label: '≤ 1.5 × the first hundred (flat)', limit: 1.5 * first },
  });
}

/** scripts/lib/host-flags.mjs: how the headless host's Node is started, so the core is measured as it runs. */
const hostFlags = (await import(join(here, '../../scripts/lib/host-flags.mjs'))) as {
  HOST_NODE_ARGS: string[];
  HOST_ENV: Record<string, string>;
};

/** Core RSS in a process of its own (started as the headless host is): after start, 1,000 operations, a soak. */
function memory(): void {
  const args = [...hostFlags.HOST_NODE_ARGS, '--expose-gc', join(here, 'memory.mjs')];
  const run = spawnSync(process.execPath, args, {
    env: { ...hostFlags.HOST_ENV, ...process.env },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    console.log(`Memory: the benchmark process failed (${run.status}): ${run.stderr.slice(0, 500)}`);
    return;
  }
  const m = JSON.parse(last) as {
    afterStartMb: number;
    afterOpsMb: number;
    opsSeconds: number;
    operations: number;
    samples: Array<{ seconds: number; rssMb: number }>;
    heapMb: number;
    jobsKept: number;
    historyKept: number;
  };
  const rss = m.samples.map((s) => s.rssMb);
  // The first sample is taken before the soak's operations begin, the rest while they run (and the last once
  // they have drained): the soak starts at the first sample under load, as `npm run soak` counts it.
  const soakFirst = rss[1] ?? rss[0] ?? m.afterOpsMb;
  const soakLast = rss.at(-1) ?? m.afterOpsMb;
  record({ id: 'rss-start', figure: 'Core RSS after start', value: m.afterStartMb, unit: 'MB' });
  record({
    id: 'rss-ops',
    figure: 'Core RSS after 1,000 operations',
    value: m.afterOpsMb,
    unit: 'MB',
    baseline: { label: 'after start', value: m.afterStartMb },
    target: { label: '< 100 MB', limit: 100, strict: true },
    note: `${m.operations} operations in ${m.opsSeconds.toFixed(0)} s; heap ${m.heapMb.toFixed(0)} MB, ${m.jobsKept} jobs and ${m.historyKept} history entries kept`,
  });
  record({
    id: 'rss-soak',
    figure: `Core RSS at the end of a ${Math.round(m.samples.at(-1)?.seconds ?? 0)} s soak (peak ${fmt(Math.max(...rss))} MB)`,
    value: soakLast,
    unit: 'MB',
    baseline: { label: 'its first sample under load', value: soakFirst },
    target: { label: '< 100 MB and flat (≤ 1.05 × its start)', limit: Math.min(100, 1.05 * soakFirst) },
    note: `samples: ${rss.map((v) => v.toFixed(0)).join(' → ')} MB`,
  });
}

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
};

/**
 * Issue 14: the same export job with its checksum and manifest (hashed as the file grows) vs without them, so
 * the cost of trusting an export is measured on its own (target: ratio ≤ 1.02).
 */
async function exportChecksumOverhead(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-sum-'));
  const env = simEnv(join(dir, 'sim'), { ORBCTL_SIM_SPEED: '8', ORBCTL_SIM_EXPORT_SCALE: '0.05' });
  const core = createCore({ version: 'bench', dataDir: join(dir, 'data'), demo: true, simBinary: SIM, env });
  const targets = new ExportTargets(dir);
  const deps = {
    orbctl: core.orbctl,
    machines: core.machines,
    history: () => core.history.list(),
    orbstackVersion: () => core.orbctl.version().then((v) => v.version),
  };
  const run = async (i: number, checksum: boolean) => {
    const claim = await targets.claim(join(dir, `${checksum ? 'sum' : 'bare'}-${i}.tar.zst`), false);
    const t = performance.now();
    const job = core.jobs.submit(exportJob('ubuntu', claim, deps, { checksum }));
    await core.jobs.whenIdle();
    if (core.jobs.get(job.id).state !== 'succeeded') throw new Error(`export ${core.jobs.get(job.id).state}`);
    return performance.now() - t;
  };
  const bare: number[] = [];
  const summed: number[] = [];
  await run(-1, true); // warm-up: the version call and the first spawn
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so both see the same machine load.
    bare.push(await run(i, false));
    summed.push(await run(i, true));
  }
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
  record({
    id: 'export-checksum',
    figure: 'Export with checksum and manifest (simulated 1 GB, 8× speed) vs the same export without',
    value: median(summed),
    unit: 'ms',
    baseline: { label: 'the same export without', value: median(bare) },
    target: { label: '≤ 1.02 × without', limit: 1.02 * median(bare) },
    note: `hashed as the file grows (medians of ${rounds} interleaved)`,
  });
}

const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
console.log(`OrbDeck core benchmarks (${rounds} interleaved rounds each; ratio = OrbDeck / baseline)\n`);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only.length && !only.includes(name)) continue;
  const t = performance.now();
  await run();
  console.log(`  (${name}: ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
}

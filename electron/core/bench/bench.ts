// `npm run bench` (core part): each benchmark measures OrbDeck against a baseline in the same run and prints
// the ratio. Nothing here asserts: the numbers are for people (and the README).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from '../../../shared/jobs';
import { createCore } from '../app-core';
import { ExportTargets } from '../files/export-target';
import { exportJob } from '../jobs/transfer-jobs';
import { Timing } from '../timing';
import { median, report } from './stats';

const here = dirname(fileURLToPath(import.meta.url));
const SIM = join(here, '../sim/orbctl-sim.mjs');
const results: string[] = [];
const say = (line: string) => {
  results.push(line);
  console.log(line);
};

function simEnv(home: string, extra: Record<string, string> = {}) {
  return { PATH: process.env.PATH ?? '', ORBCTL_SIM_HOME: home, ORBCTL_SIM_SEED: 'demo', ...extra };
}

/** Export through the whole app (job, progress watching, partial file, rename) vs the same export by orbctl alone. */
async function exportOverhead(rounds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-export-'));
  const env = simEnv(join(dir, 'sim'), { ORBCTL_SIM_SPEED: '8', ORBCTL_SIM_EXPORT_SCALE: '0.05' });
  const core = createCore({ version: 'bench', dataDir: join(dir, 'data'), demo: true, simBinary: SIM, env });
  const direct: number[] = [];
  const viaApp: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Interleaved, so both see the same machine load.
    let t = performance.now();
    const run = spawnSync(SIM, ['export', 'ubuntu', join(dir, `direct-${i}.tar.zst`)], { env });
    if (run.status !== 0) throw new Error(String(run.stderr));
    direct.push(performance.now() - t);

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
    viaApp.push(performance.now() - t);
  }
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
  const { line } = report({
    name: 'Export of a 1 GB machine (simulated, 8× speed)',
    baseline: { label: 'orbctl export alone', values: direct },
    subject: { label: 'through OrbDeck with progress', values: viaApp },
    unit: 'ms',
  });
  say(line);
  say(
    `  overhead: ${(median(viaApp) - median(direct)).toFixed(0)} ms per export (an info call, the job, progress watching every 250 ms)`,
  );
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
  say(
    report({
      name: 'Timing wrapper',
      baseline: { label: 'bare call', values: bare },
      subject: { label: 'wrapped', values: wrapped },
      unit: 'µs',
    }).line,
  );
  say(
    `  cost: ${cost.toFixed(2)} µs per call = ${((cost / median(spawns)) * 100).toFixed(4)} % of one process spawn (${(median(spawns) / 1000).toFixed(1)} ms)`,
  );
}

/** One poll of `orbctl list` with 300 machines: spawn + parse + compare, vs the spawn alone. */
async function pollCost(rounds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-poll-'));
  const env = simEnv(join(dir, 'sim'));
  for (let i = 0; i < 300; i++)
    spawnSync(
      SIM,
      ['__sim', 'add', `vm-${i}`, i % 2 ? 'ubuntu' : 'debian', i % 3 ? 'state=stopped' : 'state=running'],
      { env },
    );
  const core = createCore({
    version: 'bench',
    dataDir: join(dir, 'data'),
    demo: true,
    simBinary: SIM,
    env: { ...env, ORBDECK_POLL_MS: '60000' },
  });
  // The first polls also ask `orbctl info` (disk size, address) for every machine, 48 per poll; after that a
  // poll asks only about what changed. Measure the warm-up once, then the steady state.
  let t = performance.now();
  await core.machines.settledSnapshot(60_000);
  let polls = 1;
  while (core.machines.snapshot().machines.some((m) => m.diskSize === undefined) && polls < 20) {
    await core.machines.refresh();
    polls++;
  }
  const warmUp = performance.now() - t;
  const spawnOnly: number[] = [];
  const poll: number[] = [];
  for (let i = 0; i < rounds; i++) {
    t = performance.now();
    spawnSync(SIM, ['list', '-f', 'json'], { env });
    spawnOnly.push(performance.now() - t);
    t = performance.now();
    await core.machines.refresh();
    poll.push(performance.now() - t);
  }
  const machines = core.machines.snapshot().machines.length;
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
  say(
    `First load of ${machines} machines with disk sizes and addresses: ${warmUp.toFixed(0)} ms over ${polls} polls`,
  );
  say(
    report({
      name: `Steady poll of ${machines} machines`,
      baseline: { label: 'orbctl list alone', values: spawnOnly },
      subject: { label: 'machine store refresh', values: poll },
      unit: 'ms',
    }).line,
  );
  const mem = process.memoryUsage();
  say(
    `  memory of this process afterwards: ${(mem.heapUsed / 1e6).toFixed(1)} MB heap, ${(mem.rss / 1e6).toFixed(0)} MB resident`,
  );
}

/**
 * Issue 14: the same export job with its checksum and manifest (hashed as the file grows) vs without them, so
 * the cost of trusting an export is measured on its own (target: ratio ≤ 1.02).
 */
async function exportChecksumOverhead(rounds: number): Promise<void> {
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
  say(
    report({
      name: 'Export with checksum and manifest (simulated 1 GB, 8× speed)',
      baseline: { label: 'the same export without', values: bare },
      subject: { label: 'hashed as it grows', values: summed },
      unit: 'ms',
    }).line,
  );
}

const rounds = Number(process.env.ORBDECK_BENCH_ROUNDS) || 5;
console.log(`OrbDeck core benchmarks (${rounds} interleaved rounds each; ratio = OrbDeck / baseline)\n`);
await timingOverhead();
await pollCost(rounds * 2);
await exportOverhead(rounds);
await exportChecksumOverhead(rounds);

// What reading machines' insides costs (`npm run bench`, section `usage`): the CPU a minute of sampling the
// inspector's machine (every 2 s) and 25 rows on screen (every 10 s), against the same number of bare
// `orbctl run` calls of the same line; and a list poll while the rows are sampled, against `orbctl list` alone
// under the same load. Samples run only while a window shows them; here the core counts as visible throughout.
import { readFileSync } from 'node:fs';
import { SAMPLE_LINE, type Core } from '../../../electron/core';
import { fmt, median, record } from '../lib/bench-results.mjs';
import { benchCore, rounds, sim, simAsync, untilInfo } from './harness';

const TICK = 100; // clock ticks per second in /proc (Linux's USER_HZ)

/** utime+stime of this process and of its reaped children (the orbctl it ran), in seconds. */
function cpu(): { self: number; children: number } {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as [number, number, number, number];
  return { self: (utime + stime) / TICK, children: (cutime + cstime) / TICK };
}

const watch = (core: Core, request: unknown) =>
  core.router.invoke('usage:watch', request, { transport: 'headless' });

/** Counts the orbctl calls the core makes, by subcommand. */
function countCalls(core: Core): Map<string, number> {
  const counts = new Map<string, number>();
  core.timing.onRecord((r) => {
    const word = /^orbctl (\S+)/.exec(r.op)?.[1];
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  });
  return counts;
}

/** CPU seconds (this process and its children) over `seconds`, and the orbctl calls made meanwhile. */
async function measure(
  counts: Map<string, number>,
  seconds: number,
): Promise<{ cpuSeconds: number; runs: number; lists: number }> {
  const [runs0, lists0] = [counts.get('run') ?? 0, counts.get('list') ?? 0];
  const before = cpu();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = cpu();
  return {
    cpuSeconds: after.self - before.self + (after.children - before.children),
    runs: (counts.get('run') ?? 0) - runs0,
    lists: (counts.get('list') ?? 0) - lists0,
  };
}

/** The CPU seconds of `n` bare `orbctl run` calls of the sample's line (the simulator as orbctl). */
function bareRuns(env: NodeJS.ProcessEnv, machines: readonly string[], n: number): number {
  const before = cpu();
  for (let i = 0; i < n; i++)
    sim(env, 'run', '-m', machines[i % machines.length]!, '-u', 'root', '--', 'sh', '-c', SAMPLE_LINE);
  const after = cpu();
  return after.children - before.children + (after.self - before.self);
}

export async function usageCost(): Promise<void> {
  // 75 more machines, every third running: 25 running rows, with the demo's ubuntu for the inspector. The list
  // is polled every 3 s, as while a window is visible; the sampling's cost is what comes on top of that.
  const { core, env, done } = benchCore(75, { ORBDECK_POLL_MS: '3000' });
  const counts = countCalls(core);
  await core.machines.settledSnapshot(60_000);
  await untilInfo(core, null, 120_000);
  const rows = core.machines
    .snapshot()
    .machines.filter((m) => m.name.startsWith('vm-') && m.state === 'running')
    .slice(0, 25)
    .map((m) => m.name);
  const seconds = Math.max(20, rounds * 6);
  const perMinute = (x: number) => (x * 60) / seconds;

  const idle = await measure(counts, seconds);

  await watch(core, { machine: 'ubuntu', view: 'usage', rows: [] });
  const one = await measure(counts, seconds);
  const oneBare = bareRuns(env, ['ubuntu'], one.runs);
  record({
    id: 'usage-one',
    figure: 'Sampling one machine (its Usage tab, every 2 s): CPU seconds a minute',
    value: perMinute(one.cpuSeconds - idle.cpuSeconds),
    unit: 's/min',
    baseline: { label: `the same ${one.runs} bare orbctl run calls`, value: perMinute(oneBare) },
    note:
      `${fmt(perMinute(one.runs))} orbctl run a minute, and ${fmt(perMinute(one.lists - idle.lists))} more orbctl ` +
      `list than the 20 a visible window polls (a reading waits for a list at most 1 s old); the core with a ` +
      `visible window and no sampling: ${fmt(perMinute(idle.cpuSeconds))} s/min, not counted`,
  });

  await watch(core, { machine: null, view: null, rows });
  await new Promise((r) => setTimeout(r, 1000));
  const many = await measure(counts, seconds);
  const manyBare = bareRuns(env, rows, many.runs);
  record({
    id: 'usage-rows',
    figure: `Sampling ${rows.length} rows on screen (CPU and Memory columns, every 10 s): CPU seconds a minute`,
    value: perMinute(many.cpuSeconds - idle.cpuSeconds),
    unit: 's/min',
    baseline: { label: `the same ${many.runs} bare orbctl run calls`, value: perMinute(manyBare) },
    note:
      `${fmt(perMinute(many.runs))} orbctl run a minute (nice +10, two at a time), and ` +
      `${fmt(perMinute(many.lists - idle.lists))} more orbctl list`,
  });

  // The steady list poll while the rows and the inspector's machine are sampled, against a bare list under the
  // same load, interleaved.
  await watch(core, { machine: 'ubuntu', view: 'usage', rows });
  const bare: number[] = [];
  const poll: number[] = [];
  for (let i = 0; i < rounds * 6; i++) {
    let t = performance.now();
    await simAsync(env, 'list', '-f', 'json');
    bare.push(performance.now() - t);
    t = performance.now();
    await core.machines.refresh();
    poll.push(performance.now() - t);
  }
  await watch(core, { machine: null, view: null, rows: [] });
  await done();
  record({
    id: 'usage-poll',
    figure: 'A list poll while 26 machines are sampled, vs orbctl list under the same load',
    value: median(poll),
    unit: 'ms',
    baseline: { label: 'orbctl list alone, interleaved', value: median(bare) },
    target: { label: '≤ 1.2 × orbctl list', limit: 1.2 * median(bare) },
    note: `medians of ${poll.length}`,
  });
}

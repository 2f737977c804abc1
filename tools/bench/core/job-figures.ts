// The job queue's figures of `npm run bench`: what one submission costs, and whether it stays flat as the queue
// grows.
import { fmt, median, quantile, record } from '../lib/bench-results.mjs';
import { benchCore } from './harness';

/** 1,000 jobs submitted through the router while none may start: the cost of each, first and last hundred. */
export async function queueCost(): Promise<void> {
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

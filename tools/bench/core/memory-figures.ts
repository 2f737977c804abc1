// The memory figures of `npm run bench`, read from memory.mjs run in a process of its own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt, perMinute, record } from '../lib/bench-results.mjs';
import { here } from './harness';

/** scripts/lib/host-flags.mjs: how the headless host's Node is started, so the core is measured as it runs. */
const hostFlags = (await import(join(here, '../../scripts/lib/host-flags.mjs'))) as {
  HOST_NODE_ARGS: string[];
  HOST_ENV: Record<string, string>;
};

/** Core RSS in a process of its own (started as the headless host is): after start, 1,000 operations, a soak. */
export function memory(): void {
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
    note: `samples: ${rss.map((v) => v.toFixed(0)).join(' → ')} MB; trend ${perMinute(m.samples.slice(1).map((x) => [x.seconds, x.rssMb])).toFixed(1)} MB a minute under load (least squares)`,
  });
}

// `npm run soak`: minutes of thousands of operations on the whole core, with the simulator sped up, the way a
// busy user (or a stuck script) would drive it. It prints memory, open handles and file descriptors over
// time, then the jobs lost or stuck, which must be 0. Not part of `npm test`: it runs for minutes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFinished, type Job } from '../../../shared/jobs';
import { createCore } from '../../../electron/core';
import { perMinute } from '../lib/bench-results.mjs';
import { fastSimEnv, operator } from './operations';

const here = dirname(fileURLToPath(import.meta.url));
const SIM = join(here, '../sim/orbctl-sim.mjs');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const SAMPLE_MS = 10_000;

const dir = mkdtempSync(join(tmpdir(), 'orbdeck-soak-'));
const core = createCore({
  version: 'soak',
  dataDir: join(dir, 'data'),
  demo: true,
  simBinary: SIM,
  env: fastSimEnv(dir),
});

const ops = operator(core, dir);
const { submitted, answers, operate } = ops;
// Jobs seen to end. The core keeps only its latest jobs and history entries (MAX_ENTRIES), so after a few
// thousand jobs the early ones are gone from both: ended and then dropped is not lost.
const ended = new Set<string>();
core.events.on('jobs:changed', (job) => {
  if (isFinished(job)) ended.add(job.id);
});

function openFds(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

const samples: Array<{ minute: number; rssMb: number; heapMb: number; handles: number; fds: number | null }> =
  [];
function sample(start: number): void {
  // With --expose-gc (npm run soak passes it) the figures are what is kept, not garbage not yet collected.
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const entry = {
    minute: (performance.now() - start) / 60_000,
    rssMb: memory.rss / 1024 ** 2,
    heapMb: memory.heapUsed / 1024 ** 2,
    handles: process.getActiveResourcesInfo().length,
    fds: openFds(),
  };
  samples.push(entry);
  const running = core.jobs.list().filter((j) => !isFinished(j)).length;
  console.log(
    `[soak] ${entry.minute.toFixed(1).padStart(4)} min  RSS ${entry.rssMb.toFixed(0)} MB  heap ${entry.heapMb.toFixed(0)} MB  ` +
      `handles ${entry.handles}  fds ${entry.fds ?? 'n/a'}  operations ${ops.operations()}  jobs ${submitted.size} (${running} active)`,
  );
}

async function main(): Promise<void> {
  console.log(
    `[soak] ${MINUTES} min of random operations on the whole core, simulator at 400× speed (SOAK_MINUTES to change)`,
  );
  await core.machines.settledSnapshot();
  const start = performance.now();
  const end = start + MINUTES * 60_000;
  let nextSample = start;
  let n = 0;
  while (performance.now() < end) {
    if (performance.now() >= nextSample) {
      sample(start);
      nextSample += SAMPLE_MS;
    }
    // A few at once, as several windows and the tray would.
    await Promise.all([operate(n++), operate(n++), operate(n++)]);
  }
  console.log('[soak] draining: waiting for every job to end');
  const drained = await Promise.race([
    core.jobs.whenIdle().then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), 120_000)),
  ]);
  sample(start);
  const known = new Map(core.jobs.list().map((j) => [j.id, j]));
  for (const entry of core.history.list()) if (!known.has(entry.id)) known.set(entry.id, entry as Job);
  const lost = [...submitted.keys()].filter((id) => !known.has(id) && !ended.has(id));
  const stuck = [...known.values()].filter((j) => submitted.has(j.id) && !isFinished(j));
  const first = samples[1] ?? samples[0]!;
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rssMb));
  console.log(
    `[soak] ${ops.operations()} operations, ${submitted.size} jobs: ${lost.length} lost, ${stuck.length} stuck` +
      `${drained ? '' : ' (the queue did not drain in 2 minutes)'}`,
  );
  console.log(`[soak] answers: ${[...answers].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `[soak] RSS ${first.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB (peak ${peak.toFixed(0)}; trend ${perMinute(samples.slice(1).map((x) => [x.minute * 60, x.rssMb])).toFixed(1)} MB a minute), handles ${first.handles} → ${last.handles}, fds ${first.fds ?? 'n/a'} → ${last.fds ?? 'n/a'}`,
  );
  for (const id of lost.slice(0, 5)) console.log(`[soak] lost: ${id} ${submitted.get(id)}`);
  for (const job of stuck.slice(0, 5)) console.log(`[soak] stuck: ${job.id} ${job.title} (${job.state})`);
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
  process.exit(lost.length === 0 && stuck.length === 0 ? 0 : 1);
}

void main().catch((error: unknown) => {
  console.error('[soak] failed:', error);
  process.exit(2);
});

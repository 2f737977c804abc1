// The memory figures of `npm run bench`, in a process of their own so that nothing else counts: the whole core
// (as the headless host runs it) after start, after 1,000 operations, and sampled while operations go on.
// Prints one JSON line at the end: { afterStartMb, afterOpsMb, samples: [{ seconds, rssMb }], ... }.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../../electron/core';
import { UploadStore } from '../../../electron/headless';
import { fastSimEnv, operator } from './operations';

const here = dirname(fileURLToPath(import.meta.url));
const OPERATIONS = Number(process.env.BENCH_MEMORY_OPERATIONS) || 1000;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);

/** What is kept, not garbage not yet collected (the bench starts this with --expose-gc). */
function rssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 ** 2;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-memory-'));
  const core = createCore({
    version: 'bench',
    dataDir: join(dir, 'data'),
    demo: true,
    simBinary: join(here, '../sim/orbctl-sim.mjs'),
    env: fastSimEnv(dir),
    uploads: new UploadStore(join(dir, 'data', 'uploads')),
  });
  await core.machines.settledSnapshot();
  await new Promise((r) => setTimeout(r, 2000));
  const afterStartMb = rssMb();
  const ops = operator(core, dir);
  const started = performance.now();
  let n = 0;
  while (ops.operations() < OPERATIONS)
    await Promise.all([ops.operate(n++), ops.operate(n++), ops.operate(n++)]);
  await core.jobs.whenIdle();
  const opsSeconds = (performance.now() - started) / 1000;
  const afterOpsMb = rssMb();
  const samples: Array<{ seconds: number; rssMb: number; operations: number }> = [];
  const soakStart = performance.now();
  let next = soakStart;
  while (performance.now() - soakStart < SOAK_SECONDS * 1000) {
    if (performance.now() >= next) {
      samples.push({
        seconds: (performance.now() - soakStart) / 1000,
        rssMb: rssMb(),
        operations: ops.operations(),
      });
      next += 5000;
    }
    await Promise.all([ops.operate(n++), ops.operate(n++), ops.operate(n++)]);
  }
  await core.jobs.whenIdle();
  samples.push({
    seconds: (performance.now() - soakStart) / 1000,
    rssMb: rssMb(),
    operations: ops.operations(),
  });
  const memory = process.memoryUsage();
  const result = {
    afterStartMb,
    afterOpsMb,
    opsSeconds,
    operations: ops.operations(),
    samples,
    heapMb: memory.heapUsed / 1024 ** 2,
    externalMb: memory.external / 1024 ** 2,
    jobsKept: core.jobs.list().length,
    historyKept: core.history.list().length,
  };
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}

void main().catch((error: unknown) => {
  console.error('memory benchmark failed:', error);
  process.exit(2);
});

// `npm run soak`: minutes of thousands of operations on the whole core, with the simulator sped up, the way a
// busy user (or a stuck script) would drive it. It prints memory, open handles and file descriptors over
// time, then the jobs lost or stuck, which must be 0. Not part of `npm test`: it runs for minutes.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFinished, type Job } from '../../../shared/jobs';
import { createCore } from '../app-core';

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
  env: {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    ORBCTL_SIM_HOME: join(dir, 'sim'),
    ORBCTL_SIM_SEED: 'demo',
    ORBCTL_SIM_SPEED: '400',
    ORBCTL_SIM_EXPORT_SCALE: '0.0005',
    ORBDECK_POLL_MS: '1000',
  },
});

let seed = 20261201;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;

const submitted = new Map<string, string>();
const answers = new Map<string, number>();
let operations = 0;

async function call(channel: string, request: unknown): Promise<unknown> {
  operations++;
  const result = await core.router.invoke(channel, request, { transport: 'headless' });
  const key = result.ok ? 'ok' : result.error.code;
  answers.set(key, (answers.get(key) ?? 0) + 1);
  if (!result.ok) return null;
  const data = result.data as Partial<Job> | null;
  if (data && typeof data === 'object' && typeof data.id === 'string' && typeof data.kind === 'string')
    submitted.set(data.id, `${data.kind} ${data.machine}`);
  return result.data;
}

/** One random thing a person (or a runaway script) might do. */
async function operate(n: number): Promise<void> {
  const names = core.machines.snapshot().machines.map((m) => m.name);
  const some = () => pick(names.length ? names : ['ubuntu']);
  const fresh = `soak-${n % 40}`;
  const out = join(dir, 'out');
  switch (
    pick([
      'power',
      'power',
      'power',
      'read',
      'read',
      'create',
      'rename',
      'clone',
      'export',
      'delete',
      'cancel',
    ])
  ) {
    case 'power':
      return void (await call(pick(['machine:start', 'machine:stop', 'machine:restart']), { name: some() }));
    case 'read': {
      const channel = pick(['machine:info', 'machines:snapshot', 'jobs:list', 'jobs:history']);
      return void (await call(channel, channel === 'machine:info' ? { name: some() } : {}));
    }
    case 'create':
      return void (await call('machine:create', {
        distro: pick(['alpine', 'ubuntu', 'debian']),
        name: fresh,
      }));
    case 'rename':
      return void (await call('machine:rename', { name: some(), newName: `${fresh}-r` }));
    case 'clone':
      return void (await call('machine:clone', { name: some(), newName: `${fresh}-c` }));
    case 'export':
      if (!existsSync(out)) await import('node:fs/promises').then((fs) => fs.mkdir(out, { recursive: true }));
      return void (await call('machine:export', {
        name: some(),
        path: join(out, `${fresh}.tar.zst`),
        overwrite: true,
      }));
    case 'delete': {
      const mine = names.filter((m) => m.startsWith('soak-'));
      if (mine.length) await call('machine:delete', { name: pick(mine) });
      return;
    }
    case 'cancel': {
      const active = core.jobs.list().filter((j) => !isFinished(j) && j.cancellable);
      if (active.length) await call('jobs:cancel', { id: pick(active).id });
      return;
    }
  }
}

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
      `handles ${entry.handles}  fds ${entry.fds ?? 'n/a'}  operations ${operations}  jobs ${submitted.size} (${running} active)`,
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
  const lost = [...submitted.keys()].filter((id) => !known.has(id));
  const stuck = [...known.values()].filter((j) => submitted.has(j.id) && !isFinished(j));
  const first = samples[1] ?? samples[0]!;
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rssMb));
  console.log(
    `[soak] ${operations} operations, ${submitted.size} jobs: ${lost.length} lost, ${stuck.length} stuck` +
      `${drained ? '' : ' (the queue did not drain in 2 minutes)'}`,
  );
  console.log(`[soak] answers: ${[...answers].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(
    `[soak] RSS ${first.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB (peak ${peak.toFixed(0)}), handles ${first.handles} → ${last.handles}, fds ${first.fds ?? 'n/a'} → ${last.fds ?? 'n/a'}`,
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

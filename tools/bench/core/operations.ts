// Random operations on the whole core, the way a busy user (or a stuck script) would drive it: shared by
// `npm run soak` and the memory figures of `npm run bench`.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isFinished, type Job } from '../../../shared/jobs';
import type { Core } from '../../../electron/core';

export interface Operator {
  /** One random operation (awaits its answer, not its job). */
  operate(n: number): Promise<void>;
  readonly submitted: Map<string, string>;
  readonly answers: Map<string, number>;
  operations(): number;
}

export function operator(core: Core, dir: string, seed = 20261201): Operator {
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const submitted = new Map<string, string>();
  const answers = new Map<string, number>();
  let operations = 0;

  async function call(channel: string, request: unknown): Promise<void> {
    operations++;
    const result = await core.router.invoke(channel, request, { transport: 'headless' });
    const key = result.ok ? 'ok' : result.error.code;
    answers.set(key, (answers.get(key) ?? 0) + 1);
    if (!result.ok) return;
    const data = result.data as Partial<Job> | null;
    if (data && typeof data === 'object' && typeof data.id === 'string' && typeof data.kind === 'string')
      submitted.set(data.id, `${data.kind} ${data.machine}`);
  }

  async function operate(n: number): Promise<void> {
    const names = core.machines.snapshot().machines.map((m) => m.name);
    const some = () => pick(names.length ? names : ['ubuntu']);
    const fresh = `soak-${n % 40}`;
    const out = join(dir, 'out');
    const kinds = [
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
    ];
    switch (pick(kinds)) {
      case 'power':
        return call(pick(['machine:start', 'machine:stop', 'machine:restart']), { name: some() });
      case 'read': {
        const channel = pick(['machine:info', 'machines:snapshot', 'jobs:list', 'jobs:history']);
        return call(channel, channel === 'machine:info' ? { name: some() } : {});
      }
      case 'create':
        return call('machine:create', { distro: pick(['alpine', 'ubuntu', 'debian']), name: fresh });
      case 'rename':
        return call('machine:rename', { name: some(), newName: `${fresh}-r` });
      case 'clone':
        return call('machine:clone', { name: some(), newName: `${fresh}-c` });
      case 'export':
        if (!existsSync(out)) mkdirSync(out, { recursive: true });
        return call('machine:export', { name: some(), path: join(out, `${fresh}.tar.zst`), overwrite: true });
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

  return { operate, submitted, answers, operations: () => operations };
}

/** The simulator sped up so that minutes of use take seconds. */
export function fastSimEnv(dir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    ORBCTL_SIM_HOME: join(dir, 'sim'),
    ORBCTL_SIM_SEED: 'demo',
    ORBCTL_SIM_SPEED: '400',
    ORBCTL_SIM_EXPORT_SCALE: '0.0005',
    ORBDECK_POLL_MS: '1000',
  };
}

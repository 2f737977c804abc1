import type { Ctx } from '../context';
import { SimFailure } from '../failure';
import { findMachine, notFoundError, pickDefault } from '../machines';
import { makeTransition, type StoredMachine } from '../store/state';
import { REALISTIC_MS } from '../timing';
import { ensureVm } from '../vm';
import { awaitTransition, beginTransition } from './transition';

/**
 * The machine `run`/`push`/`pull` act on (-m, else the default), started first if it is stopped, as OrbStack
 * does when you run a command in a stopped machine.
 */
export async function runningTarget(ctx: Ctx, machine: string | null): Promise<StoredMachine> {
  await ensureVm(ctx);
  const state = await ctx.store.read();
  let key = machine;
  if (key === null) {
    const chosen = state.machines.find((m) => m.id === state.default_id) ?? pickDefault(state);
    if (!chosen) {
      throw new SimFailure('No machines found. Create one with:\n    orb create ubuntu');
    }
    key = chosen.id;
  }
  if (!findMachine(state, key, ctx.env.hostArch)) throw notFoundError(key, ctx.env.version);
  const outcome = await beginTransition(ctx, key, (m, now) =>
    m.state === 'stopped'
      ? makeTransition('start', now, [['starting', ctx.opMs(REALISTIC_MS.start)]], 'running')
      : null,
  );
  if (outcome.kind === 'started')
    await awaitTransition(ctx, `Starting ${outcome.machine.name}`, outcome.until);
  return { ...outcome.machine, state: 'running' };
}

/** A Linux path inside the machine's rootfs folder; relative paths start at the user's home. */
export function linuxPath(rootfs: string, home: string, path: string): string {
  const absolute = path.startsWith('/') ? path : `${home}/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return [rootfs, ...parts].join('/');
}

export function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

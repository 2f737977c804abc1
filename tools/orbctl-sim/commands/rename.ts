import { cpSync, existsSync } from 'node:fs';
import type { Handler } from '../cli/specs';
import { daemonError } from '../failure';
import { allocateIp4, findMachine, makeIp6, notFoundError } from '../machines';
import { orbctlAcceptsName } from '../name-rule';
import { DELETED, makeTransition, transitionEnd, type StoredMachine } from '../store/state';
import { REALISTIC_MS } from '../timing';
import { ulid } from '../ulid';
import { ensureVm } from '../vm';
import { awaitTransition } from './transition';

/**
 * `orbctl clone SRC NEW` (≥ 1.10): the copy is made by the daemon and ends up stopped; the source keeps its
 * state. Texts: clone.go (`machine already exists: 'NEW'` without a `create` prefix).
 */
export const clone: Handler = async (ctx, args) => {
  const [source, newName] = args.positionals as [string, string];
  await ensureVm(ctx);
  const failure = ctx.faultFailure(newName, false);
  for (;;) {
    const outcome = await ctx.store.update((state, now) => {
      const found = findMachine(state, source, ctx.env.hostArch);
      if (!found) throw notFoundError(source, ctx.env.version);
      if (found.builtin) throw daemonError('cannot clone builtin machine');
      const src = found.machine;
      if (src.transition) return { busy: true as const, until: transitionEnd(src.transition) };
      if (!orbctlAcceptsName(newName)) throw daemonError(`invalid machine name '${newName}'`);
      if (state.machines.some((m) => m.name === newName))
        throw daemonError(`machine already exists: '${newName}'`);
      const id = ulid(now);
      const copy: StoredMachine = {
        id,
        name: newName,
        image: { ...src.image },
        config: { ...src.config },
        ...(src.limits ? { limits: { ...src.limits } } : {}),
        state: 'creating',
        transition: makeTransition(
          'clone',
          now,
          [['creating', ctx.opMs(REALISTIC_MS.clone)]],
          failure ? DELETED : 'stopped',
        ),
        disk_size: src.disk_size,
        ip4: allocateIp4(state),
        ip6: makeIp6(),
        created_at: now,
      };
      state.machines.push(copy);
      return {
        busy: false as const,
        until: transitionEnd(copy.transition!),
        from: src.id,
        to: id,
        name: src.name,
      };
    });
    if (outcome.busy) {
      await ctx.sleep(outcome.until - Date.now() + 1);
      continue;
    }
    const from = ctx.store.rootfs(outcome.from);
    if (existsSync(from)) cpSync(from, ctx.store.rootfs(outcome.to), { recursive: true });
    await awaitTransition(ctx, `Cloning ${outcome.name}`, outcome.until);
    if (failure) throw failure;
    return 0;
  }
};

/** `orbctl rename OLD NEW`: allowed while running; the state does not change (rename.go's `%q` quirk). */
export const rename: Handler = async (ctx, args) => {
  const [oldKey, newName] = args.positionals as [string, string];
  await ensureVm(ctx);
  await ctx.sleep(ctx.opMs(REALISTIC_MS.rename));
  await ctx.store.update((state) => {
    const found = findMachine(state, oldKey, ctx.env.hostArch);
    if (!found) throw notFoundError(oldKey, ctx.env.version);
    if (found.builtin) throw daemonError('cannot rename builtin machine');
    if (!orbctlAcceptsName(newName)) throw daemonError(`invalid machine name '${newName}'`);
    if (state.machines.some((m) => m.name === newName))
      throw daemonError(`machine '${JSON.stringify(newName)}' already exists`);
    found.machine.name = newName;
  });
  return 0;
};

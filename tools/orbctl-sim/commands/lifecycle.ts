import { createInterface } from 'node:readline/promises';
import { UsageError, type ParsedArgs } from '../cli/parse-args';
import type { Handler } from '../cli/specs';
import type { Ctx } from '../context';
import { daemonError, SimFailure } from '../failure';
import { makeTransition, transitionEnd, DELETED, type StoredMachine } from '../store/state';
import { REALISTIC_MS } from '../timing';
import { ensureVm, vmIsUp } from '../vm';
import { awaitTransition, beginTransition, cannotTransition, type Plan } from './transition';

/** Names from the arguments, or every machine (matching `filter`) with -a/--all. */
async function targets(ctx: Ctx, args: ParsedArgs, filter: (m: StoredMachine) => boolean): Promise<string[]> {
  if (args.flags.all !== true) return args.positionals;
  const state = await ctx.store.read();
  return state.machines.filter(filter).map((m) => m.name);
}

/**
 * Runs one lifecycle operation per machine, in order, as orbctl does (the first error stops the rest).
 * With a `fail` fault the machine goes through the transition and comes back to where it was.
 */
async function each(
  ctx: Ctx,
  keys: string[],
  verb: string,
  plan: (failing: boolean) => Plan,
  onBuiltin?: () => never,
): Promise<void> {
  for (const key of keys) {
    const failure = ctx.faultFailure(key);
    const outcome = await beginTransition(ctx, key, plan(failure !== null));
    if (outcome.kind === 'builtin') {
      onBuiltin?.();
      continue;
    }
    if (outcome.kind === 'started')
      await awaitTransition(ctx, `${verb} ${outcome.machine.name}`, outcome.until);
    if (failure) throw failure;
  }
}

const startPlan =
  (ctx: Ctx) =>
  (failing: boolean): Plan =>
  (m, now) => {
    if (m.state === 'running') return null;
    if (m.state !== 'stopped') throw cannotTransition(m.state, 'starting');
    const final = failing ? 'stopped' : 'running';
    return makeTransition('start', now, [['starting', ctx.opMs(REALISTIC_MS.start)]], final);
  };

/** `orbctl start [-a] [NAME...]`; with no names, start OrbStack itself. */
export const start: Handler = async (ctx, args) => {
  if (args.positionals.length === 0 && args.flags.all !== true) {
    if (await vmIsUp(ctx)) {
      ctx.output.err('OrbStack is already running.\n');
      return 0;
    }
    await ensureVm(ctx);
    return 0;
  }
  await ensureVm(ctx);
  await each(ctx, await targets(ctx, args, (m) => m.state === 'stopped'), 'Starting', startPlan(ctx));
  return 0;
};

/** Stopping OrbStack itself (`orbctl stop` without names): machines keep their state for the next start. */
async function stopVm(ctx: Ctx, force: boolean): Promise<void> {
  const until = await ctx.store.update((s, now) => {
    if (s.vm.transition) return transitionEnd(s.vm.transition);
    const ms = (force ? 300 : REALISTIC_MS.vmStop) / ctx.env.speed;
    s.vm.transition = makeTransition('stop', now, [['stopping', ms]], 'stopped');
    s.vm.state = 'stopping';
    return transitionEnd(s.vm.transition);
  });
  await ctx.spin('Stopping OrbStack', () => ctx.waitUntil(until + 1));
}

const stopPlan =
  (ctx: Ctx) =>
  (failing: boolean): Plan =>
  (m, now) => {
    if (m.state === 'stopped') return null;
    if (m.state !== 'running') throw cannotTransition(m.state, 'stopping');
    return makeTransition(
      'stop',
      now,
      [['stopping', ctx.opMs(REALISTIC_MS.stop)]],
      failing ? 'running' : 'stopped',
    );
  };

/** `orbctl stop [-a] [-f] [NAME...]`; `OrbStack is not running` (stderr, exit 0) when it is not. */
export const stop: Handler = async (ctx, args) => {
  if (!(await vmIsUp(ctx))) {
    ctx.output.err('OrbStack is not running\n');
    return 0;
  }
  if (args.positionals.length === 0 && args.flags.all !== true) {
    await stopVm(ctx, args.flags.force === true);
    return 0;
  }
  await each(ctx, await targets(ctx, args, (m) => m.state === 'running'), 'Stopping', stopPlan(ctx));
  return 0;
};

const restartPlan =
  (ctx: Ctx) =>
  (failing: boolean): Plan =>
  (m, now) => {
    const starting: [string, number] = ['starting', ctx.opMs(REALISTIC_MS.start)];
    const final = failing ? 'stopped' : 'running';
    if (m.state === 'stopped') return makeTransition('restart', now, [starting], final);
    if (m.state !== 'running') throw cannotTransition(m.state, 'stopping');
    return makeTransition('restart', now, [['stopping', ctx.opMs(REALISTIC_MS.stop)], starting], final);
  };

/** `orbctl restart [-a] NAME...`: stop then start; a stopped machine is just started. */
export const restart: Handler = async (ctx, args) => {
  if (args.positionals.length === 0 && args.flags.all !== true) throw new UsageError('no machines specified');
  if (!(await vmIsUp(ctx))) {
    ctx.output.err('OrbStack is not running\n');
    return 0;
  }
  await each(ctx, await targets(ctx, args, (m) => m.state === 'running'), 'Restarting', restartPlan(ctx));
  return 0;
};

const deletePlan =
  (ctx: Ctx) =>
  (failing: boolean): Plan =>
  (m, now) => {
    const deleting: [string, number] = ['deleting', ctx.opMs(REALISTIC_MS.delete)];
    const final = failing ? m.state : DELETED;
    if (m.state === 'stopped') return makeTransition('delete', now, [deleting], final);
    if (m.state !== 'running') throw cannotTransition(m.state, 'deleting');
    return makeTransition('delete', now, [['stopping', ctx.opMs(REALISTIC_MS.stop)], deleting], final);
  };

/** The confirmation orbctl asks for when stdin is a terminal and -f is not given. */
async function confirmDelete(ctx: Ctx, keys: string[]): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(
      `Delete ${keys.map((k) => `"${k}"`).join(', ')}? All of its data will be lost. [y/N] `,
    );
    return /^y(es)?$/i.test(answer.trim());
  } catch {
    return false;
  } finally {
    rl.close();
  }
}

/** `orbctl delete [-a] [-f] NAME...`: a running machine is stopped first. */
export const remove: Handler = async (ctx, args) => {
  if (args.positionals.length === 0 && args.flags.all !== true) throw new UsageError('no machines specified');
  await ensureVm(ctx);
  const keys = await targets(ctx, args, () => true);
  if (
    keys.length > 0 &&
    ctx.output.stdinIsTTY &&
    args.flags.force !== true &&
    !(await confirmDelete(ctx, keys))
  ) {
    throw new SimFailure('Aborted');
  }
  await each(ctx, keys, 'Deleting', deletePlan(ctx), () => {
    throw daemonError('cannot delete builtin machine');
  });
  // Persist the removal now so the machine's files go at once.
  await ctx.store.update(() => undefined);
  return 0;
};

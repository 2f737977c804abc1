import type { Ctx } from '../context';
import { daemonError, type SimFailure } from '../failure';
import { findMachine, notFoundError } from '../machines';
import { transitionEnd, transitionStateAt, type StoredMachine, type Transition } from '../store/state';

export type Plan = (machine: StoredMachine, now: number) => Transition | null;

export type TransitionOutcome =
  | { kind: 'builtin'; machine: StoredMachine }
  | { kind: 'noop'; machine: StoredMachine }
  | { kind: 'started'; machine: StoredMachine; until: number };

/** `cannot transition from X to Y` (container.go), for a machine stuck in a state that allows no change. */
export function cannotTransition(from: string, to: string): SimFailure {
  return daemonError(`cannot transition from ${from} to ${to}`);
}

/**
 * Puts a machine into a transition under the lock. A machine that is busy with another transition is waited
 * for first (OrbStack serialises operations per machine), without holding the lock.
 */
export async function beginTransition(ctx: Ctx, key: string, plan: Plan): Promise<TransitionOutcome> {
  for (;;) {
    const outcome = await ctx.store.update((state, now) => {
      const found = findMachine(state, key, ctx.env.hostArch);
      if (!found) throw notFoundError(key, ctx.env.version);
      if (found.builtin) return { kind: 'builtin' as const, machine: found.machine };
      const m = found.machine;
      if (m.transition) return { kind: 'busy' as const, until: transitionEnd(m.transition) };
      const t = plan(m, now);
      if (!t) return { kind: 'noop' as const, machine: { ...m } };
      m.transition = t;
      m.state = transitionStateAt(t, now) ?? t.final;
      return { kind: 'started' as const, machine: { ...m }, until: transitionEnd(t) };
    });
    if (outcome.kind !== 'busy') return outcome;
    await ctx.sleep(outcome.until - Date.now() + 1);
  }
}

/** Waits for a transition begun by this call, with the spinner and the crash fault. */
export async function awaitTransition(ctx: Ctx, text: string, until: number): Promise<void> {
  await ctx.spin(text, () => ctx.waitUntil(until + 1));
}

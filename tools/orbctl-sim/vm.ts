import type { Ctx } from './context';
import { plainError } from './failure';
import { makeTransition, transitionEnd } from './store/state';
import { REALISTIC_MS } from './timing';

/**
 * OrbStack itself. Almost every machine command first starts OrbStack when it is not running ("Starting
 * machine", up to 15 s for the VM and 15 s for services: scli/ensure.go), so "not running" is normally not an
 * error. With the `not-running` fault it cannot start, and the command fails after the wait.
 */
export async function ensureVm(ctx: Ctx): Promise<void> {
  const fault = ctx.faults.notRunning();
  if (fault) {
    await ctx.spin('Starting machine', () => ctx.sleep(REALISTIC_MS.vmStartTimeout / ctx.env.speed));
    throw plainError(
      fault === 'vm'
        ? 'start VM: timed out waiting for VM to start'
        : 'timed out waiting for services to start',
    );
  }
  for (;;) {
    const state = await ctx.store.read();
    if (state.vm.state === 'running') return;
    let until: number;
    if (state.vm.transition) until = transitionEnd(state.vm.transition);
    else {
      until = await ctx.store.update((s, now) => {
        if (s.vm.transition) return transitionEnd(s.vm.transition);
        if (s.vm.state === 'running') return now;
        s.vm.transition = makeTransition(
          'start',
          now,
          [['starting', REALISTIC_MS.vmStart / ctx.env.speed]],
          'running',
        );
        s.vm.state = 'starting';
        return transitionEnd(s.vm.transition);
      });
    }
    await ctx.spin('Starting machine', () => ctx.sleep(until - Date.now() + 1));
  }
}

/** For stop/restart, which say `OrbStack is not running` and exit 0 instead of starting it. */
export async function vmIsUp(ctx: Ctx): Promise<boolean> {
  if (ctx.faults.notRunning()) return false;
  const state = await ctx.store.read();
  return state.vm.state !== 'stopped';
}

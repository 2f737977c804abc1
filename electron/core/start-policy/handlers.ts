/** Start policies: which machines start with OrbDeck and stop when it quits (shared/start-policy.ts). */
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Router } from '../ipc/router';
import { PolicyRunner, type PolicyRunnerDeps } from './policy-runner';
import type { Machines } from '../machines/machines';

export interface StartPolicyHandlerDeps extends PolicyRunnerDeps {
  machines: Machines;
  quitHooks: { add(hook: () => unknown): void };
}

export function registerStartPolicyHandlers(router: Router, deps: StartPolicyHandlerDeps): void {
  const handle = router.forOwner('start-policy');
  const runner = new PolicyRunner(deps);
  deps.quitHooks.add(() => runner.atQuit());

  handle('policy:list', () => deps.policies.list());
  handle('policy:set', async ({ name, ...change }) => {
    const machines = (await deps.machines.refresh()).machines;
    const machine = machines.find((m) => m.name === name || m.id === name);
    if (!machine)
      throw new AppError(ErrorCode.NOT_FOUND, `There is no machine named “${name}”.`, { field: 'name' });
    return deps.policies.set(machine, change);
  });
  handle('policy:start-all', () => runner.startAll());
  handle('policy:stop-all', () => runner.stopAll());
}

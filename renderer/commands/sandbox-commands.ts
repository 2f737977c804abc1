/** What the sandbox and start-policy items of the window do (buttons, menus); refusals become error toasts. */
import { toErrorData } from '../../shared/errors';
import type { StartPolicy } from '../../shared/start-policy';
import { getApi } from '../api/api';
import type { ExtraChoice } from '../model/sandbox-menu-items';
import { sandboxNamed } from '../state/sandboxes';
import { policyNamed } from '../state/start-policy';
import { useToasts } from '../state/toasts';

async function said(work: () => Promise<unknown>, success?: string): Promise<void> {
  try {
    await work();
    if (success) useToasts.getState().push({ kind: 'success', text: success });
  } catch (error) {
    const data = toErrorData(error);
    useToasts.getState().push({ kind: 'error', text: data.message, error: data });
  }
}

export const resetSandbox = (name: string) => said(() => getApi().invoke('sandbox:reset', { name }));
export const saveGolden = (name: string) => said(() => getApi().invoke('sandbox:save-golden', { name }));
export const extendSandbox = (name: string) =>
  said(() => getApi().invoke('sandbox:extend', { name }), `${name} has another hour.`);
export const removeTimeLimit = (name: string) =>
  said(() => getApi().invoke('sandbox:set-time-limit', { name, timeLimit: null }));

/** Turns one half of a machine's start policy on or off. */
export const setPolicy = (name: string, key: keyof StartPolicy, on: boolean) =>
  said(() => getApi().invoke('policy:set', { name, [key]: on }));

/** Deletes a machine; a sandbox goes with its golden checkpoint. Answers the job. */
export const deleteMachine = (name: string) =>
  sandboxNamed(name)
    ? getApi().invoke('sandbox:delete', { name })
    : getApi().invoke('machine:delete', { name });

export function runExtraChoice(choice: ExtraChoice, name: string): void {
  switch (choice) {
    case 'sandbox:reset':
      void resetSandbox(name);
      return;
    case 'sandbox:extend':
      void extendSandbox(name);
      return;
    case 'policy:startWithApp':
    case 'policy:stopOnQuit': {
      const key = choice === 'policy:startWithApp' ? 'startWithApp' : 'stopOnQuit';
      void setPolicy(name, key, !(policyNamed(name)?.[key] ?? false));
      return;
    }
  }
}

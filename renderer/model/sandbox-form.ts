/**
 * The New Sandbox sheet as a request: from a preset (`sandbox:create-from-preset`) or from the machine fields it
 * shares with New Machine (`sandbox:create`), always isolated, with its time limit. Pure; the same shared rules
 * as New Machine.
 */
import type { Distro } from '../../shared/distros';
import type { RequestOf } from '../../shared/ipc/contract';
import type { OrbctlCapabilities } from '../../shared/machine';
import type { TimeLimitEnd } from '../../shared/sandboxes';
import { createRequest, type CreateForm } from '../views/create/create-request';

export interface SandboxForm extends CreateForm {
  /** The preset to start from ('' = the fields below). */
  preset: string;
  /** Seconds; 0 = no time limit. */
  timeLimit: number;
  then: TimeLimitEnd;
}

export type SandboxRequest =
  | { channel: 'sandbox:create'; request: RequestOf<'sandbox:create'> }
  | { channel: 'sandbox:create-from-preset'; request: RequestOf<'sandbox:create-from-preset'> };

export function sandboxRequest(
  form: SandboxForm,
  distro: Distro,
  capabilities: OrbctlCapabilities | null,
): { request: SandboxRequest | null; problem: string | null } {
  if (capabilities && !capabilities.isolated) {
    return {
      request: null,
      problem: `A sandbox is an isolated machine: that needs OrbStack 2.1 or newer (this is ${capabilities.version}).`,
    };
  }
  const timeLimit = form.timeLimit > 0 ? { timeLimit: { seconds: form.timeLimit, then: form.then } } : {};
  if (form.preset) {
    return {
      request: {
        channel: 'sandbox:create-from-preset',
        request: { id: form.preset, name: form.name, ...timeLimit },
      },
      problem: null,
    };
  }
  const built = createRequest({ ...form, isolated: true }, distro, capabilities);
  if (!built.request) return { request: null, problem: built.problem };
  const { isolated: _isolated, cloudInitPath: _path, ...machine } = built.request;
  return { request: { channel: 'sandbox:create', request: { ...machine, ...timeLimit } }, problem: null };
}

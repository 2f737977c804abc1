/**
 * What an agent may do, checked in the core for every call that comes through the agent endpoint, whatever the
 * program that sent it (docs/sandboxes.md#agents). An agent reads everything; it changes sandboxes only: it creates
 * them, runs commands in them, copies files in and out, resets and deletes them. Start and stop reach other
 * machines only where Settings allow it. Everything else is refused, and each call, refused or not, is a job
 * the person sees in Activity and History: the writing ones are jobs of their own (marked as an agent's), the
 * reads and the refusals are recorded as they are answered.
 */
import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';
import type { IpcChannel } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/ipc/settings';
import type { Machine } from '../../../shared/machine';
import type { CallGuard } from '../ipc/router';
import type { JobManager } from '../jobs/job-manager';
import type { Machines } from '../machines/machines';
import type { SandboxStore } from './sandbox-store';

type Request = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const shortened = (line: string) => (line.length > 60 ? `${line.slice(0, 59)}…` : line);

/** What kind of call a channel is, for an agent; `what` says it in words ("run “ls” in web"). */
export type AgentRule =
  /** Reads: answered and recorded. */
  | { kind: 'read'; what: (r: Request) => string }
  /** What the agent's own program needs to follow its work (never recorded). */
  | { kind: 'quiet' }
  /** The same, about a job: only a job an agent asked for. */
  | { kind: 'own-job' }
  /** Makes a new sandbox. */
  | { kind: 'create'; what: (r: Request) => string }
  /** Acts on the sandbox the request names; `ready`: only once its golden checkpoint exists. */
  | { kind: 'sandbox'; ready: boolean; what: (r: Request) => string }
  /** Start or stop: a sandbox, or any machine when Settings allow it. */
  | { kind: 'power'; what: (r: Request) => string };

export const AGENT_RULES: Partial<Record<IpcChannel, AgentRule>> = {
  'app:info': { kind: 'quiet' },
  'jobs:list': { kind: 'quiet' },
  'jobs:cancel': { kind: 'own-job' },
  'run:output': { kind: 'own-job' },
  'sandbox:file-content': { kind: 'own-job' },
  'machines:snapshot': { kind: 'read', what: () => 'read the machine list' },
  'machine:info': { kind: 'read', what: (r) => `read the details of ${text(r.name)}` },
  'sandbox:list': { kind: 'read', what: () => 'read the sandboxes' },
  'presets:list': { kind: 'read', what: () => 'read the presets' },
  'sandbox:create': {
    kind: 'create',
    what: (r) => (text(r.name) ? `create the sandbox ${text(r.name)}` : 'create a sandbox'),
  },
  'sandbox:create-from-preset': { kind: 'create', what: () => 'create a sandbox from a preset' },
  'machine:run': {
    kind: 'sandbox',
    ready: true,
    what: (r) => `run “${shortened(text(r.command))}” in ${text(r.name)}`,
  },
  'sandbox:write-file': {
    kind: 'sandbox',
    ready: true,
    what: (r) => `write ${text(r.path)} in ${text(r.name)}`,
  },
  'sandbox:read-file': {
    kind: 'sandbox',
    ready: false,
    what: (r) => `read ${text(r.path)} from ${text(r.name)}`,
  },
  'sandbox:reset': { kind: 'sandbox', ready: false, what: (r) => `reset ${text(r.name)}` },
  'sandbox:delete': { kind: 'sandbox', ready: false, what: (r) => `delete ${text(r.name)}` },
  'machine:start': { kind: 'power', what: (r) => `start ${text(r.name)}` },
  'machine:stop': { kind: 'power', what: (r) => `stop ${text(r.name)}` },
};

/** Sandboxes there may be before an agent is refused another: each is a whole machine on the person's disk. */
export const MAX_SANDBOXES_FOR_AGENTS = 10;

export interface AgentGateDeps {
  sandboxes: SandboxStore;
  machines: Pick<Machines, 'snapshot'>;
  jobs: JobManager;
  settings: { get(): Settings };
}

export function agentGate(deps: AgentGateDeps): CallGuard {
  const { jobs } = deps;
  const asAgent = <T>(work: () => T) => jobs.requesters.run('agent', work);
  const record = (title: string, machine: string, error?: unknown, outcome?: string) =>
    asAgent(() =>
      jobs.record(
        { kind: 'agent', machine, title },
        error === undefined ? (outcome ? { outcome } : {}) : { error: toErrorData(error) },
      ),
    );
  return async (channel, request, _context, next) => {
    const rule = AGENT_RULES[channel];
    const r = (request ?? {}) as Request;
    const what = rule && 'what' in rule ? rule.what(r) : `use ${channel}`;
    const refused = (why: string, machine = '') => {
      const error = new AppError(ErrorCode.FORBIDDEN, why, { field: 'name' });
      record(`Agent asked to ${what}: refused`, machine, error);
      return error;
    };
    if (!deps.settings.get().agentEndpoint) throw refused('Agents are turned off in OrbDeck’s Settings.');
    if (!rule) {
      throw refused(
        `Agents cannot ${what}: they read machines, and create, use, reset and delete sandboxes.`,
      );
    }
    switch (rule.kind) {
      case 'quiet':
        return next();
      case 'own-job': {
        const id = text(r.id);
        const mine = jobs.list().some((j) => j.id === id && j.by === 'agent');
        if (!mine) throw new AppError(ErrorCode.FORBIDDEN, 'That job was not asked for by an agent.');
        return next();
      }
      case 'read':
        try {
          const answer = await next();
          record(`Agent ${what}`, '');
          return answer;
        } catch (error) {
          record(`Agent asked to ${what}`, '', error);
          throw error;
        }
      case 'create':
        if (deps.sandboxes.list().length >= MAX_SANDBOXES_FOR_AGENTS) {
          throw refused(
            `There are already ${MAX_SANDBOXES_FOR_AGENTS} sandboxes: delete one before an agent creates another.`,
          );
        }
        return asAgent(next);
      case 'sandbox':
      case 'power': {
        const name = text(r.name);
        const why = refusal(rule, name, deps);
        if (why) throw refused(why, machineNamed(name, deps)?.name ?? name);
        return asAgent(next);
      }
    }
  };
}

function machineNamed(ref: string, deps: AgentGateDeps): Machine | undefined {
  return deps.machines.snapshot().machines.find((m) => m.name === ref || m.id === ref);
}

/** Why an agent may not act on the machine `ref`, or null. */
function refusal(rule: Extract<AgentRule, { kind: 'sandbox' | 'power' }>, ref: string, deps: AgentGateDeps) {
  const sandbox = deps.sandboxes.find(ref);
  const machine = machineNamed(ref, deps);
  if (!sandbox) {
    if (rule.kind === 'power' && deps.settings.get().agentsMayStartStop) return null;
    return (
      `${ref} is not a sandbox: agents change sandboxes only (they can read every machine)` +
      (rule.kind === 'power' ? ', unless Settings let them start and stop every machine.' : '.')
    );
  }
  // A sandbox made isolated cannot stop being so; this says so should the list ever disagree.
  if (machine && !machine.isolated) return `${ref} is not an isolated machine, so agents may not change it.`;
  if (rule.kind === 'sandbox' && rule.ready && sandbox.state !== 'ready') {
    return sandbox.state === 'setting-up' || sandbox.state === 'saving-golden'
      ? `${ref} is still being set up: its golden checkpoint is taken first. Try again shortly.`
      : `${ref} has no golden checkpoint, so it could not be reset afterwards; the person can save one in OrbDeck.`;
  }
  return null;
}

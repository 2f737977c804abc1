/**
 * A sandbox's jobs (docs/sandboxes.md): its create (an isolated machine, recorded as a sandbox once it exists), its
 * golden checkpoint, its reset to that checkpoint, and its deletion with the checkpoint.
 */
import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';
import {
  GOLDEN_LABEL,
  timeLimitFrom,
  type SandboxRecord,
  type TimeLimitRequest,
} from '../../../shared/sandboxes';
import type { JobContext, JobResult, JobSpec } from '../jobs/job-manager';
import { find } from '../jobs/reconcile';
import { createJob, deleteJob, type MachineJobDeps } from '../machines/machine-jobs';
import type { CreateRequest } from '../orbctl';
import type { GoldenCheckpoints } from './golden';
import type { SandboxStore } from './sandbox-store';

export interface SandboxJobDeps extends MachineJobDeps {
  sandboxes: SandboxStore;
  goldens: GoldenCheckpoints;
  /** Told when a sandbox exists and whether it waits for its cloud-init (then its golden comes later). */
  created?: (record: SandboxRecord) => void;
  now?: () => number;
}

export interface SandboxCreate extends Omit<CreateRequest, 'isolated'> {
  timeLimit?: TimeLimitRequest | undefined;
  /** The preset it is made from, by name. */
  preset?: string | undefined;
}

const q = (name: string) => `“${name}”`;

/** The sandbox's id when its job runs: a reset queued before it may have moved it to a new one. */
const idNow = (sandbox: SandboxRecord, deps: SandboxJobDeps) =>
  (deps.sandboxes.find(sandbox.id) ?? deps.sandboxes.find(sandbox.name))?.id ?? sandbox.id;

/** Creates an isolated machine and records it as a sandbox once it exists. */
export function createSandboxJob(request: SandboxCreate, deps: SandboxJobDeps): JobSpec {
  const { timeLimit, preset, ...machine } = request;
  const spec = createJob({ ...machine, isolated: true }, deps);
  return {
    ...spec,
    title: spec.title.replace(/^Create /, 'Create sandbox '),
    run: async (ctx) => {
      const result = await spec.run(ctx);
      if (result?.state === 'cancelled' || result?.leftover) return result;
      const made = find((await deps.machines.refresh()).machines, request.name);
      if (!made) return result;
      const now = deps.now?.() ?? Date.now();
      const record: SandboxRecord = {
        id: made.id,
        name: made.name,
        // With cloud-init, the golden checkpoint waits for it to finish (machines/setup-watch.ts).
        state: request.cloudInitFile !== undefined ? 'setting-up' : 'saving-golden',
        createdAt: now,
        golden: null,
        timeLimit: timeLimit ? timeLimitFrom(now, timeLimit) : null,
        ...(preset ? { preset } : {}),
      };
      deps.sandboxes.add(record);
      deps.created?.(record);
      return result;
    },
  };
}

/**
 * Saves the sandbox's state as its golden checkpoint; a golden checkpoint it had before is deleted once the new
 * one is saved. Until then the sandbox keeps the old one (or has none).
 */
export async function goldenJob(sandbox: SandboxRecord, deps: SandboxJobDeps): Promise<JobSpec> {
  const { name, spec } = await deps.goldens.save(sandbox.name, GOLDEN_LABEL);
  const before = sandbox.golden;
  return {
    ...spec,
    title: `Save the golden checkpoint of sandbox ${sandbox.name}`,
    touches: [...(spec.touches ?? [spec.machine]), ...(before ? [before.name] : [])],
    run: async (ctx) => {
      const id = idNow(sandbox, deps);
      deps.sandboxes.update(id, { state: 'saving-golden' });
      let result: JobResult | void;
      try {
        result = await spec.run(ctx);
      } catch (error) {
        deps.sandboxes.update(id, {
          state: before ? 'ready' : 'no-golden',
          problem: `The golden checkpoint could not be saved: ${toErrorData(error).message}`,
        });
        throw error;
      }
      if (result?.state === 'cancelled') {
        deps.sandboxes.update(id, { state: before ? 'ready' : 'no-golden' });
        return result;
      }
      const savedAt = deps.now?.() ?? Date.now();
      // A fresh list first: polls never overlap, so no list that began before the checkpoint existed can come
      // after this one and take the new golden checkpoint for gone.
      await deps.machines.refresh();
      deps.sandboxes.update(id, { state: 'ready', golden: { name, savedAt }, problem: undefined });
      if (before) await replaced(before.name, deps, ctx);
      return { ...result, outcome: `${sandbox.name} resets to this state from now on (${name}).` };
    },
  };
}

/** Deletes the golden checkpoint a new one replaced; one that cannot be deleted stays an ordinary checkpoint. */
async function replaced(checkpoint: string, deps: SandboxJobDeps, ctx: JobContext): Promise<void> {
  try {
    await deps.goldens.remove(checkpoint).run(ctx);
  } catch {
    // Listed in the Checkpoints tab, where it can be deleted by hand.
  }
}

/** Puts the sandbox back to its golden checkpoint; the state before is deleted once the reset has succeeded. */
export async function resetJob(sandbox: SandboxRecord, deps: SandboxJobDeps, why = ''): Promise<JobSpec> {
  if (!sandbox.golden) {
    throw new AppError(
      ErrorCode.INVALID_INPUT,
      `${q(sandbox.name)} has no golden checkpoint to go back to${sandbox.state === 'setting-up' ? ' yet: it is still being set up' : ''}.`,
      { field: 'name' },
    );
  }
  const spec = await deps.goldens.reset(
    sandbox.golden.name,
    `${why}Reset sandbox ${sandbox.name} to its golden checkpoint`,
  );
  return {
    ...spec,
    run: (ctx) => deps.sandboxes.duringReset(idNow(sandbox, deps), () => spec.run(ctx)),
  };
}

/** Deletes the sandbox's machine, then its golden checkpoint, and forgets it. */
export function deleteSandboxJob(sandbox: SandboxRecord, deps: SandboxJobDeps, why = ''): JobSpec {
  const machine = deleteJob(sandbox.name, deps);
  const golden = sandbox.golden?.name;
  return {
    ...machine,
    title: `${why}Delete sandbox ${sandbox.name}`,
    touches: [sandbox.name, ...(golden ? [golden] : [])],
    run: async (ctx) => {
      const result = await machine.run(ctx);
      if (result?.state === 'cancelled') return result;
      deps.sandboxes.remove(idNow(sandbox, deps));
      if (!golden) return result;
      try {
        await deps.goldens.remove(golden).run(ctx);
        return { outcome: `${sandbox.name} and its golden checkpoint were deleted.` };
      } catch (error) {
        return {
          outcome: `${sandbox.name} was deleted; its golden checkpoint ${golden} could not be (${toErrorData(error).message}).`,
        };
      }
    },
  };
}

/**
 * "Revert to Checkpoint" as one job of steps: stop the machine if it runs, rename it aside (the aside
 * name is a checkpoint name, so the state before the revert is itself kept as a checkpoint), clone the
 * checkpoint to the machine's name, start it again if it was running. A failure puts the machine back as it
 * was. A plan file in the data folder (`reverts/<machine>.json`) says what the revert was doing, so that after
 * a quit in the middle the next start finds the machine in a known state (`recoverRevert`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkpointName } from '../../../shared/checkpoint-names';
import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';
import type { Machine } from '../../../shared/machine';
import type { JobContext, JobResult, JobSpec } from '../jobs/job-manager';
import { find } from '../jobs/reconcile';
import { realWriter, type FileWriter } from '../platform/storage';
import type { CheckpointDeps } from './checkpoint-jobs';

const planSchema = z.object({
  machine: z.string(),
  machineId: z.string(),
  checkpoint: z.string(),
  aside: z.string(),
  wasRunning: z.boolean(),
  label: z.string(),
});
export type RevertPlan = z.infer<typeof planSchema>;

export class RevertPlans {
  private readonly writer: FileWriter;
  constructor(
    readonly dir: string,
    writer?: FileWriter,
  ) {
    this.writer = writer ?? realWriter;
  }
  private fileOf(machine: string) {
    return join(this.dir, `${machine}.json`);
  }
  save(plan: RevertPlan): void {
    this.writer.replace(this.fileOf(plan.machine), JSON.stringify(plan) + '\n');
  }
  remove(machine: string): void {
    try {
      this.writer.remove(this.fileOf(machine));
    } catch {
      // Found again at the next start, where the machines show it was finished.
    }
  }
  /** Plans a quit left behind. */
  leftovers(): RevertPlan[] {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    return names.flatMap((n) => {
      try {
        const parsed = planSchema.safeParse(JSON.parse(readFileSync(join(this.dir, n), 'utf8')));
        return parsed.success && `${parsed.data.machine}.json` === n ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }
}

export interface RevertDeps extends CheckpointDeps {
  revertPlans: RevertPlans;
}

const q = (n: string) => `“${n}”`;

/**
 * A revert that keeps the state before only until it has succeeded, then deletes it (a sandbox's Reset: its state
 * before is what the reset throws away), under its own title.
 */
export interface RevertOptions {
  title: string;
  discardBefore: true;
}

/** Checks the request against the machines now and makes the job. */
export async function planRevert(
  checkpoint: string,
  deps: RevertDeps,
  options?: RevertOptions,
): Promise<JobSpec> {
  const machines = (await deps.machines.refresh()).machines;
  const cp = find(machines, checkpoint);
  const record = deps.checkpoints.list(machines).find((r) => r.name === checkpoint);
  if (!cp || !record) {
    throw new AppError(ErrorCode.NOT_FOUND, `There is no checkpoint named ${q(checkpoint)}.`, {
      field: 'checkpoint',
    });
  }
  const target =
    (record.sourceId && machines.find((m) => m.id === record.sourceId)) || find(machines, record.sourceName);
  if (!target) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `The machine ${q(record.sourceName)} of this checkpoint is gone: use Clone from Checkpoint instead.`,
      { field: 'checkpoint' },
    );
  }
  const aside = checkpointName(target.name, deps.now?.() ?? new Date(), [...machines.map((m) => m.name)]);
  const plan: RevertPlan = {
    machine: target.name,
    machineId: target.id,
    checkpoint,
    aside,
    wasRunning: target.state === 'running',
    label: record.label,
  };
  return revertJob(plan, target, deps, options);
}

function revertJob(plan: RevertPlan, target: Machine, deps: RevertDeps, options?: RevertOptions): JobSpec {
  const { machine, checkpoint, aside } = plan;
  return {
    kind: 'revert',
    machine,
    // The journal keeps these: recovery reads the machine, the checkpoint and the aside name from them.
    touches: [machine, checkpoint, aside],
    title: options?.title ?? `Revert ${machine} to checkpoint “${plan.label}”`,
    // Halfway, a cancel would leave more to explain than it saves: the job always ends in a known state.
    cancellable: false,
    run: (ctx) => runRevert(plan, target, deps, ctx, options?.discardBefore ?? false),
  };
}

async function runRevert(
  planned: RevertPlan,
  queuedTarget: Machine,
  deps: RevertDeps,
  ctx: JobContext,
  discardBefore: boolean,
): Promise<JobResult> {
  // A job queued before this one (a start, a stop) may have changed the machine: look again now.
  const target = find((await deps.machines.refresh()).machines, planned.machine);
  if (!target || target.id !== queuedTarget.id) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `${planned.machine} changed while the revert waited (it was deleted or replaced); nothing was done.`,
    );
  }
  const plan = { ...planned, wasRunning: target.state === 'running' };
  const { machine, checkpoint, aside, wasRunning } = plan;
  const steps = [
    ...(wasRunning ? [`Stopping ${machine}`] : []),
    `Setting ${machine}'s current state aside as ${aside}`,
    `Cloning the checkpoint to ${machine}`,
    ...(wasRunning ? [`Starting ${machine} again`] : []),
    ...(discardBefore ? [`Deleting the state before, ${aside}`] : []),
  ];
  let at = 0;
  const step = () => {
    ctx.report({
      fraction: at / steps.length,
      step: { index: at + 1, count: steps.length, words: steps[at]! },
    });
    at++;
  };
  // Not cancellable, but the signal ties each orbctl to this job in the journal, so a quit can stop it.
  const call = { signal: ctx.signal };
  let setAside = false;
  deps.revertPlans.save(plan);
  const ended = deps.machines.actionBegins();
  try {
    if (wasRunning) {
      step();
      await deps.orbctl.stop(machine, call);
    }
    step();
    await deps.orbctl.rename(machine, aside, call);
    setAside = true;
    deps.checkpoints.add({
      name: aside,
      // Set aside by a rename: the checkpoint is the machine itself, with its id.
      machineId: target.id,
      sourceName: machine,
      sourceId: target.id,
      label: `Before revert to “${plan.label}”`,
      createdAt: (deps.now?.() ?? new Date()).getTime(),
      size: target.diskSize ?? null,
      beforeRevert: true,
    });
    step();
    try {
      await deps.orbctl.clone(checkpoint, machine, call);
    } catch (error) {
      await putBack(plan, deps, call);
      throw new AppError(
        ErrorCode.ORBCTL_FAILED,
        `The checkpoint could not be cloned (${toErrorData(error).message}); ${machine} was put back as it was.`,
      );
    }
    await followNewId(plan, deps);
    let notStarted = '';
    if (wasRunning) {
      step();
      try {
        await deps.orbctl.start(machine, call);
      } catch (error) {
        notStarted = `, but could not be started again: ${toErrorData(error).message}`;
      }
    }
    if (discardBefore) {
      step();
      const gone = await deps.orbctl.delete(aside, call).then(
        () => true,
        () => false,
      );
      if (gone) deps.checkpoints.remove(aside);
      ctx.report({ fraction: 1 });
      const kept = gone ? '' : `; the state before could not be deleted and is kept as ${aside}`;
      return { outcome: `${machine} is back at “${plan.label}”${notStarted}${kept}.` };
    }
    ctx.report({ fraction: 1 });
    if (notStarted) return { outcome: `${machine} was reverted${notStarted}` };
    return { outcome: `${machine} is back at “${plan.label}”; the state before is kept as ${aside}.` };
  } catch (error) {
    // Failed before anything was set aside: a machine that was running runs again.
    if (!setAside && wasRunning) await deps.orbctl.start(machine, call).catch(() => undefined);
    throw error;
  } finally {
    deps.revertPlans.remove(machine);
    ended();
  }
}

/** Undoes the set-aside: the machine gets its own state and name back. */
async function putBack(plan: RevertPlan, deps: RevertDeps, call: { signal: AbortSignal }): Promise<void> {
  const machines = (await deps.machines.refresh()).machines;
  // A failed clone may still have left a half-made machine under the name.
  if (find(machines, plan.machine)) await deps.orbctl.delete(plan.machine, call).catch(() => undefined);
  await deps.orbctl.rename(plan.aside, plan.machine, call);
  // By id: the record may already follow the machine under its own name again.
  deps.checkpoints.forgetMachine(plan.machineId);
  if (plan.wasRunning) await deps.orbctl.start(plan.machine, call).catch(() => undefined);
}

/** The reverted machine is a new clone with its own id: the checkpoints of the old one follow it. */
async function followNewId(plan: RevertPlan, deps: RevertDeps): Promise<void> {
  const machines = (await deps.machines.refresh()).machines;
  const now = find(machines, plan.machine);
  if (now) deps.checkpoints.retarget(plan.machineId, now.id, plan.machine);
}

/**
 * After a quit in the middle of a revert: brings the machine to a known state and says what happened.
 * Answers null when no revert of `machine` was under way.
 */
export async function recoverRevert(
  machine: string,
  deps: RevertDeps,
): Promise<{ succeeded: boolean; what: string } | null> {
  const plan = deps.revertPlans.leftovers().find((p) => p.machine === machine);
  if (!plan) return null;
  try {
    const machines = (await deps.machines.refresh()).machines;
    const has = (n: string) => !!find(machines, n);
    if (has(plan.machine) && has(plan.aside)) {
      await followNewId(plan, deps);
      if (!deps.checkpoints.hasMachine(plan.machineId)) {
        deps.checkpoints.add({
          name: plan.aside,
          machineId: plan.machineId,
          sourceName: plan.machine,
          sourceId: plan.machineId,
          label: `Before revert to “${plan.label}”`,
          createdAt: Date.now(),
          size: null,
          beforeRevert: true,
        });
      }
      const now = find(machines, plan.machine)!;
      // The daemon goes on with a clone whose orbctl was stopped: the copy may still be in the making.
      const making = now.state !== 'running' && now.state !== 'stopped';
      const restart = plan.wasRunning && now.state !== 'running';
      return {
        succeeded: true,
        what:
          (making
            ? `the revert went on without OrbDeck: OrbStack is still making ${q(plan.machine)} from the ` +
              `checkpoint (${now.state})`
            : `the revert was complete: ${q(plan.machine)} is back at “${plan.label}”`) +
          `; the state before is kept as ${q(plan.aside)}` +
          (restart ? `; start ${q(plan.machine)} again when it is ready` : ''),
      };
    }
    if (has(plan.aside)) {
      await deps.orbctl.rename(plan.aside, plan.machine);
      deps.checkpoints.forgetMachine(plan.machineId);
      return {
        succeeded: false,
        what:
          `the revert was undone: ${q(plan.machine)} has its own state back` +
          (plan.wasRunning ? ' and is stopped' : ''),
      };
    }
    if (has(plan.machine)) {
      const stopped = plan.wasRunning && find(machines, plan.machine)?.state !== 'running';
      return {
        succeeded: false,
        what: `nothing was changed: ${q(plan.machine)} is as it was` + (stopped ? ', but stopped' : ''),
      };
    }
    return {
      succeeded: false,
      what: `${q(plan.machine)} is missing; the checkpoint ${q(plan.checkpoint)} is still there`,
    };
  } finally {
    deps.revertPlans.remove(machine);
  }
}

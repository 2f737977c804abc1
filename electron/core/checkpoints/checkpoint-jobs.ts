/**
 * Saving and deleting checkpoints, as jobs. A checkpoint is a clone (docs/orbctl.md#resulting-states:
 * a clone is left stopped), so saving one runs as a clone job and is judged like one after a crash; its record
 * is written once the clone exists.
 */
import { checkpointName, defaultCheckpointLabel } from '../../../shared/checkpoint-names';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { JobSpec } from '../jobs/job-manager';
import type { MachineJobDeps } from '../machines/machine-jobs';
import { deleteJob } from '../machines/machine-jobs';
import { find, honestly } from '../jobs/reconcile';
import type { CheckpointStore } from './store';

export interface CheckpointDeps extends MachineJobDeps {
  checkpoints: CheckpointStore;
  now?: () => Date;
}

/** Names in use now, so a new checkpoint's name is free. */
export async function takenNames(deps: MachineJobDeps): Promise<string[]> {
  return (await deps.machines.refresh()).machines.map((m) => m.name);
}

export function saveCheckpointJob(
  source: string,
  name: string,
  label: string,
  deps: CheckpointDeps,
): JobSpec {
  return {
    kind: 'clone',
    machine: source,
    touches: [source, name],
    title: `Save checkpoint “${label}” of ${source}`,
    run: (ctx) =>
      honestly(
        deps.machines,
        {
          happened: (machines) =>
            find(machines, name) ? { words: `the checkpoint ${name} was saved`, leftover: name } : null,
          cancelled: 'Cancelled; no checkpoint was saved.',
        },
        async () => {
          const info = await deps.orbctl.info(source, { signal: ctx.signal });
          if (info.diskSize) ctx.note({ sourceBytes: info.diskSize });
          const createdAt = (deps.now?.() ?? new Date()).getTime();
          await deps.orbctl.clone(source, name, { signal: ctx.signal });
          // The size OrbStack reports for the copy (a copy-on-write snapshot where the file system allows).
          const copy = await deps.orbctl.info(name, { signal: ctx.signal }).catch(() => null);
          // The copy's id is what makes it a checkpoint (shared/checkpoint-records.ts); a name alone would not.
          const machineId = copy?.id ?? find((await deps.machines.refresh()).machines, name)?.id;
          deps.checkpoints.add({
            name,
            ...(machineId ? { machineId } : {}),
            sourceName: source,
            sourceId: info.id,
            label,
            createdAt,
            size: copy?.diskSize ?? null,
          });
          return copy?.diskSize ? { bytes: copy.diskSize } : {};
        },
      ),
  };
}

/** Picks the checkpoint's name and label, then the job. */
export async function planSave(
  source: string,
  label: string | undefined,
  deps: CheckpointDeps,
): Promise<JobSpec> {
  return (await planNamedSave(source, label, deps)).spec;
}

/** The same, with the name the checkpoint will have. */
export async function planNamedSave(
  source: string,
  label: string | undefined,
  deps: CheckpointDeps,
): Promise<{ name: string; spec: JobSpec }> {
  const taken = await takenNames(deps);
  if (!taken.includes(source)) {
    throw new AppError(ErrorCode.NOT_FOUND, `There is no machine named “${source}”.`, { field: 'name' });
  }
  const now = deps.now?.() ?? new Date();
  const name = checkpointName(source, now, taken);
  return { name, spec: saveCheckpointJob(source, name, label?.trim() || defaultCheckpointLabel(now), deps) };
}

/** Deletes a checkpoint machine and forgets its record. */
export function deleteCheckpointJob(name: string, deps: CheckpointDeps): JobSpec {
  const job = deleteJob(name, deps);
  const label = deps.checkpoints.get(name)?.label;
  return {
    ...job,
    title: label ? `Delete checkpoint “${label}” (${name})` : `Delete checkpoint ${name}`,
    run: async (ctx) => {
      const result = await job.run(ctx);
      if (!result || result.state !== 'cancelled') deps.checkpoints.remove(name);
      return result;
    },
  };
}

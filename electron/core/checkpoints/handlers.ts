/** Checkpoints (docs/checkpoints.md): list, save, revert, delete. Clone from one is `machine:clone`. */
import { AppError, ErrorCode } from '../../../shared/errors';
import { deleteCheckpointJob, planSave } from './checkpoint-jobs';
import { planRevert, type RevertDeps } from './revert';
import type { JobManager } from '../jobs/job-manager';
import type { Machines } from '../machines/machines';
import type { Router } from '../ipc/router';

export interface CheckpointHandlerDeps extends RevertDeps {
  machines: Machines;
  jobs: JobManager;
}

export function registerCheckpointHandlers(router: Router, deps: CheckpointHandlerDeps): void {
  const handle = router.forOwner('checkpoints');
  const { jobs, machines, checkpoints: store } = deps;

  handle('checkpoint:list', async () => store.list((await machines.refresh()).machines));
  handle('checkpoint:save', async ({ name, label }) => {
    const machine = (await machines.refresh()).machines.find((m) => m.name === name);
    if (machine && store.recordOf(machine)) {
      throw new AppError(
        ErrorCode.INVALID_INPUT,
        `“${name}” is itself a checkpoint: use Clone from Checkpoint to work on a copy of it.`,
        { field: 'name' },
      );
    }
    return jobs.submit(await planSave(name, label, deps));
  });
  handle('checkpoint:revert', async ({ checkpoint }) => jobs.submit(await planRevert(checkpoint, deps)));
  handle('checkpoint:delete', async ({ checkpoint }) => {
    const known = store.list((await machines.refresh()).machines).some((r) => r.name === checkpoint);
    if (!known) {
      throw new AppError(ErrorCode.NOT_FOUND, `There is no checkpoint named “${checkpoint}”.`, {
        field: 'checkpoint',
      });
    }
    return jobs.submit(deleteCheckpointJob(checkpoint, deps));
  });
}

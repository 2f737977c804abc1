/**
 * What the rest of the core may use of checkpoints without knowing how they are made: a sandbox's golden
 * checkpoint is saved, reset to and deleted through this. createServices hands it to the sandboxes as their
 * `GoldenCheckpoints` (electron/core/sandboxes/golden.ts), so neither feature imports the other.
 */
import { deleteCheckpointJob, planNamedSave } from './checkpoint-jobs';
import { planRevert, type RevertDeps } from './revert';

export function checkpointWayBack(deps: RevertDeps) {
  return {
    save: (machine: string, label: string) => planNamedSave(machine, label, deps),
    reset: (checkpoint: string, title: string) =>
      planRevert(checkpoint, deps, { title, discardBefore: true }),
    remove: (checkpoint: string) => deleteCheckpointJob(checkpoint, deps),
    ownerOf: (checkpoint: string) => deps.checkpoints.get(checkpoint)?.sourceId ?? null,
  };
}

/**
 * What sandboxes need of checkpoints, declared here and handed over by createServices (the checkpoints feature's
 * `checkpointWayBack`), so that this feature never imports that one: a golden checkpoint is an ordinary checkpoint,
 * and a reset is a revert that keeps the state before only until it has succeeded.
 */
import type { JobSpec } from '../jobs/job-manager';

export interface GoldenCheckpoints {
  /** A job saving a checkpoint of `machine` under `label`, and the name the checkpoint will have. */
  save(machine: string, label: string): Promise<{ name: string; spec: JobSpec }>;
  /** A job putting the checkpoint's machine back to it; refused (NOT_FOUND) when either is gone. */
  reset(checkpoint: string, title: string): Promise<JobSpec>;
  /** A job deleting a checkpoint and what OrbDeck knows of it. */
  remove(checkpoint: string): JobSpec;
  /** The id of the machine a checkpoint belongs to now; null when unknown. */
  ownerOf(checkpoint: string): string | null;
}

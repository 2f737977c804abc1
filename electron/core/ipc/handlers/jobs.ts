import { IpcChannel } from '../../../../shared/ipc/contract';
import type { JobManager } from '../../jobs/job-manager';
import type { Router } from '../router';

export function registerJobHandlers(router: Router, jobs: JobManager): void {
  router.handle(IpcChannel.jobsList, () => jobs.list());
  router.handle(IpcChannel.jobsCancel, ({ id }) => jobs.cancel(id));
}

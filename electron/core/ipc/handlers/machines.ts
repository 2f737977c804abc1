import { IpcChannel } from '../../../../shared/ipc/contract';
import type { JobManager } from '../../jobs/job-manager';
import { powerJob, type MachineJobDeps } from '../../jobs/machine-jobs';
import type { Router } from '../router';

export function registerMachineHandlers(router: Router, deps: MachineJobDeps & { jobs: JobManager }): void {
  const { machines, jobs } = deps;
  router.handle(IpcChannel.machinesSnapshot, () => machines.snapshot());
  router.handle(IpcChannel.machinesRefresh, () => machines.refresh());
  router.handle(IpcChannel.machineStart, ({ name }) => jobs.submit(powerJob('start', name, deps)));
  router.handle(IpcChannel.machineStop, ({ name }) => jobs.submit(powerJob('stop', name, deps)));
  router.handle(IpcChannel.machineRestart, ({ name }) => jobs.submit(powerJob('restart', name, deps)));
}

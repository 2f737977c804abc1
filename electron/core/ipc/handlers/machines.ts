import { IpcChannel, type SshAccess } from '../../../../shared/ipc/contract';
import { AppError, ErrorCode } from '../../../../shared/errors';
import type { Desktop } from '../../desktop';
import type { FileAccess } from '../../files/file-access';
import { checkReadableFile } from '../../files/paths';
import type { JobManager } from '../../jobs/job-manager';
import type { MachineStore } from '../../machines/machine-store';
import type { Orbctl } from '../../orbctl';
import {
  createJob,
  deleteJob,
  powerJob,
  renameJob,
  setDefaultJob,
  type MachineJobDeps,
} from '../../jobs/machine-jobs';
import { terminalUrl, vscodeUrl } from '../../ssh-urls';
import type { Router } from '../router';

export interface MachineHandlerDeps extends MachineJobDeps {
  orbctl: Orbctl;
  machines: MachineStore;
  jobs: JobManager;
  desktop: Desktop;
  files: FileAccess;
}

/** cloud-init user data is a small text file; anything bigger is not what the person meant to pick. */
const MAX_CLOUD_INIT_BYTES = 256 * 1024;

export function registerMachineHandlers(router: Router, deps: MachineHandlerDeps): void {
  const { machines, jobs, orbctl } = deps;
  router.handle(IpcChannel.machinesSnapshot, () => machines.settledSnapshot());
  router.handle(IpcChannel.machinesRefresh, () => machines.refresh());
  router.handle(IpcChannel.machineInfo, ({ name }) => orbctl.info(name));
  router.handle(IpcChannel.machineLogs, async ({ name, all }) => ({
    text: await orbctl.logs(name, all ? { all: true } : {}),
  }));
  router.handle(IpcChannel.machineSsh, async ({ name }) => sshAccess(deps, name));
  router.handle(IpcChannel.machineSetUser, async ({ name, user }) => {
    await orbctl.setUsername(name, user);
    await machines.refresh();
    return { user };
  });
  router.handle(IpcChannel.machineOpen, async ({ name, target }) => {
    const access = await sshAccess(deps, name);
    const url = target === 'terminal' ? access.terminalUrl : access.vscodeUrl;
    return { opened: await deps.desktop.openExternal(url), url };
  });

  router.handle(IpcChannel.machineStart, ({ name }) => jobs.submit(powerJob('start', name, deps)));
  router.handle(IpcChannel.machineStop, ({ name }) => jobs.submit(powerJob('stop', name, deps)));
  router.handle(IpcChannel.machineRestart, ({ name }) => jobs.submit(powerJob('restart', name, deps)));
  router.handle(IpcChannel.machineCreate, async ({ cloudInitPath, ...rest }, context) => {
    let cloudInitFile: string | undefined;
    if (cloudInitPath !== undefined) {
      const field = 'cloudInitPath';
      const { path } = await deps.files.resolve(
        cloudInitPath,
        'read',
        'cloud-init',
        context.transport,
        field,
      );
      const file = await checkReadableFile(path, field);
      if (file.size > MAX_CLOUD_INIT_BYTES) {
        throw new AppError(
          ErrorCode.INVALID_INPUT,
          `'${path}' is ${file.size} bytes; a cloud-init file is at most ${MAX_CLOUD_INIT_BYTES / 1024} KiB.`,
          { field },
        );
      }
      cloudInitFile = file.path;
    }
    return jobs.submit(createJob({ ...rest, ...(cloudInitFile ? { cloudInitFile } : {}) }, deps));
  });
  router.handle(IpcChannel.machineDelete, ({ name }) => jobs.submit(deleteJob(name, deps)));
  router.handle(IpcChannel.machineRename, ({ name, newName }) => jobs.submit(renameJob(name, newName, deps)));
  router.handle(IpcChannel.machineSetDefault, ({ name }) => jobs.submit(setDefaultJob(name, deps)));
}

async function sshAccess(deps: MachineHandlerDeps, name: string): Promise<SshAccess> {
  const details = await deps.orbctl.sshDetails(name);
  return { ...details, terminalUrl: terminalUrl(name), vscodeUrl: vscodeUrl(name, details.user) };
}

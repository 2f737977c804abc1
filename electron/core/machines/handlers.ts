import { readFile } from 'node:fs/promises';
import { AppError, ErrorCode } from '../../../shared/errors';
import { type SshAccess } from '../../../shared/ipc/contract';
import { checkCloudInit } from '../cloud-init/check';
import { refuseBadCloudInit, withUserDataFile } from '../cloud-init/user-data-file';
import type { Desktop } from '../platform/desktop';
import type { FileAccess } from '../file-access/file-access';
import type { JobManager } from '../jobs/job-manager';
import { inBatch } from '../jobs/job-spec';
import type { Machines } from './machines';
import type { SetupWatch } from './setup-watch';
import type { Orbctl } from '../orbctl';
import {
  createJob,
  deleteJob,
  powerJob,
  renameJob,
  setDefaultJob,
  setLimitsJob,
  type MachineJobDeps,
} from './machine-jobs';
import { terminalUrl, vscodeUrl } from './ssh-urls';
import type { Router } from '../ipc/router';
import type { MachineLimitsCache } from './machine-limits';

export interface MachineHandlerDeps extends MachineJobDeps {
  orbctl: Orbctl;
  limits: MachineLimitsCache;
  machines: Machines;
  jobs: JobManager;
  desktop: Desktop;
  files: FileAccess;
  setup: SetupWatch;
  dataDir: string;
}

/** cloud-init user data is a small text file; anything bigger is not what the person meant to pick. */

export function registerMachineHandlers(router: Router, deps: MachineHandlerDeps): void {
  const handle = router.forOwner('machines');
  const { machines, jobs, orbctl } = deps;
  handle('machines:snapshot', () => machines.settledSnapshot());
  handle('machines:refresh', () => {
    // A refresh the person asked for reads the limits again too (they may have been set in a terminal).
    deps.limits.forget();
    return machines.refresh();
  });
  handle('machines:read-after', ({ jobIds }) => {
    // A job the core does not know (any more), or one still running, ends by now at the latest.
    const known = new Map(jobs.list().map((job) => [job.id, job.endedAt]));
    const ended = jobIds.map((id) => known.get(id) ?? Date.now());
    return machines.readSince(Math.max(...ended));
  });
  handle('machine:limits', ({ name }) => deps.limits.of(name));
  handle('machine:info', ({ name }) => machines.info(name));
  handle('machine:logs', async ({ name, all }) => ({
    text: await orbctl.logs(name, all ? { all: true } : {}),
  }));
  handle('machine:ssh', async ({ name }) => sshAccess(deps, name));
  // Cloud-init's progress after a create.
  handle('setup:list', () => deps.setup.list());
  handle('setup:log', ({ name }) => deps.setup.log(name));
  handle('setup:dismiss', ({ name }) => ({ dismissed: deps.setup.dismiss(name) }));
  handle('machine:set-user', async ({ name, user }) => {
    await orbctl.setUsername(name, user);
    await machines.refresh();
    return { user };
  });
  handle('machine:open', async ({ name, target }) => {
    const access = await sshAccess(deps, name);
    const url = target === 'terminal' ? access.terminalUrl : access.vscodeUrl;
    return { opened: await deps.desktop.openExternal(url), url };
  });

  handle('machine:start', ({ name, batch }) => jobs.submit(inBatch(powerJob('start', name, deps), batch)));
  handle('machine:stop', ({ name, batch }) => jobs.submit(inBatch(powerJob('stop', name, deps), batch)));
  handle('machine:restart', ({ name, batch }) =>
    jobs.submit(inBatch(powerJob('restart', name, deps), batch)),
  );
  handle('machine:create', async ({ cloudInitPath, cloudInit, ...rest }, context) => {
    // The editor's text, checked and written to a private file while the job runs.
    if (cloudInit !== undefined && cloudInit.trim() !== '') {
      if (cloudInitPath !== undefined)
        throw new AppError(ErrorCode.INVALID_INPUT, 'Give cloud-init as a file or as text, not both.', {
          field: 'cloudInit',
        });
      refuseBadCloudInit(cloudInit);
      return jobs.submit(
        withUserDataFile(deps.dataDir, cloudInit, (cloudInitFile) =>
          createJob({ ...rest, cloudInitFile }, deps),
        ),
      );
    }
    const cloudInitFile =
      cloudInitPath === undefined
        ? undefined
        : (await deps.files.cloudInitFile(cloudInitPath, context.transport)).path;
    return jobs.submit(createJob({ ...rest, ...(cloudInitFile ? { cloudInitFile } : {}) }, deps));
  });
  handle('userdata:check', ({ text }) => ({ problems: checkCloudInit(text) }));
  handle('userdata:read', async ({ path }, context) => {
    const file = await deps.files.cloudInitFile(path, context.transport);
    return { text: await readFile(file.path, 'utf8') };
  });
  handle('machine:delete', ({ name, batch }) => jobs.submit(inBatch(deleteJob(name, deps), batch)));
  handle('machine:rename', ({ name, newName }) => jobs.submit(renameJob(name, newName, deps)));
  handle('machine:set-default', ({ name }) => jobs.submit(setDefaultJob(name, deps)));
  handle('machine:set-limits', ({ name, ...limits }) => jobs.submit(setLimitsJob(name, limits, deps)));
  // What a window shows is asked about first.
  handle('machines:visible', ({ names }) => {
    machines.showing(names);
    return { accepted: names.length };
  });
}

async function sshAccess(deps: MachineHandlerDeps, name: string): Promise<SshAccess> {
  // The default user is in the list: `orbctl info` only for a machine the list does not have (yet).
  const user = deps.machines.record(name)?.defaultUser;
  const details = await deps.orbctl.sshDetails(name, user === undefined ? {} : { user });
  return { ...details, terminalUrl: terminalUrl(name), vscodeUrl: vscodeUrl(name, details.user) };
}

/**
 * Sandboxes (docs/sandboxes.md): create one (also from a preset), reset it to its golden checkpoint, take a new
 * golden checkpoint, its time limit, copy files in and out by content, delete it; and the guard of every agent's
 * call (agent-gate.ts).
 */
import { AppError, ErrorCode } from '../../../shared/errors';
import { isFinished } from '../../../shared/jobs';
import type { Settings } from '../../../shared/ipc/settings';
import { freeMachineName } from '../../../shared/names';
import type { Preset } from '../../../shared/presets';
import { SANDBOX_NAME_STEM, type SandboxRecord } from '../../../shared/sandboxes';
import { refuseBadCloudInit, withUserDataFile } from '../cloud-init/user-data-file';
import type { Router } from '../ipc/router';
import type { JobSpec } from '../jobs/job-manager';
import type { Orbctl } from '../orbctl';
import { agentGate } from './agent-gate';
import { SandboxKeeper, type SandboxKeeperDeps } from './keeper';
import { FileContents, readFileJob, writeFileJob } from './sandbox-files';
import { createSandboxJob, deleteSandboxJob, resetJob, type SandboxCreate } from './sandbox-jobs';

export interface SandboxHandlerDeps extends Omit<SandboxKeeperDeps, 'created'> {
  orbctl: SandboxKeeperDeps['orbctl'] & Pick<Orbctl, 'push' | 'pull'>;
  presets: { get(id: string): Preset };
  settings: { get(): Settings };
  dataDir: string;
  /** What the core does as it stops (the keeper's timer). */
  quitHooks: { add(hook: () => void): void };
}

export function registerSandboxHandlers(router: Router, deps: SandboxHandlerDeps): void {
  const handle = router.forOwner('sandboxes');
  const { jobs, sandboxes } = deps;
  const jobDeps: SandboxKeeperDeps = { ...deps, created: (record) => keeper.created(record) };
  const keeper = new SandboxKeeper(jobDeps);
  deps.quitHooks.add(() => keeper.dispose());
  const contents = new FileContents();
  router.guard('agent', agentGate(deps));

  /** The sandbox a request names, or NOT_FOUND saying it is not one. */
  const sandbox = (name: string): SandboxRecord => {
    const found = sandboxes.find(name);
    if (!found) {
      throw new AppError(ErrorCode.NOT_FOUND, `“${name}” is not a sandbox.`, { field: 'name' });
    }
    return found;
  };
  const create = (request: SandboxCreate, cloudInit: string | undefined): JobSpec => {
    if (cloudInit === undefined || cloudInit.trim() === '') return createSandboxJob(request, jobDeps);
    refuseBadCloudInit(cloudInit);
    return withUserDataFile(deps.dataDir, cloudInit, (cloudInitFile) =>
      createSandboxJob({ ...request, cloudInitFile }, jobDeps),
    );
  };

  handle('sandbox:list', () => sandboxes.list());
  /** Names in use now, and those queued jobs are about to take. */
  const taken = async () => [
    ...(await deps.machines.refresh()).machines.map((m) => m.name),
    ...jobs
      .list()
      .filter((j) => !isFinished(j))
      .flatMap((j) => [j.machine, ...(j.touches ?? [])]),
  ];
  handle('sandbox:create', async ({ cloudInit, name, ...request }) => {
    const free = name ?? freeMachineName(SANDBOX_NAME_STEM, await taken());
    return jobs.submit(create({ ...request, name: free }, cloudInit));
  });
  handle('sandbox:create-from-preset', async ({ id, name, timeLimit }) => {
    const preset = deps.presets.get(id);
    const request: SandboxCreate = {
      distro: preset.distro,
      name: name ?? freeMachineName(`${preset.distro}-sandbox`, await taken()),
      preset: preset.name,
      ...(preset.version ? { version: preset.version } : {}),
      ...(preset.arch ? { arch: preset.arch } : {}),
      ...(preset.user ? { user: preset.user } : {}),
      ...(preset.cpus !== undefined ? { cpus: preset.cpus } : {}),
      ...(preset.memory ? { memory: preset.memory } : {}),
      ...(preset.disk ? { disk: preset.disk } : {}),
      ...(timeLimit ? { timeLimit } : {}),
    };
    return jobs.submit(create(request, preset.cloudInit));
  });
  handle('sandbox:reset', async ({ name }) => jobs.submit(await resetJob(sandbox(name), jobDeps)));
  handle('sandbox:delete', ({ name }) => jobs.submit(deleteSandboxJob(sandbox(name), jobDeps)));
  handle('sandbox:save-golden', async ({ name }) => {
    const job = await keeper.saveGolden(sandbox(name));
    if (!job) throw new AppError(ErrorCode.ORBCTL_FAILED, sandbox(name).problem ?? 'It could not be saved.');
    return job;
  });
  handle('sandbox:extend', ({ name, seconds }) => {
    const record = sandbox(name);
    if (!record.timeLimit) {
      throw new AppError(ErrorCode.INVALID_INPUT, `${record.name} has no time limit to extend.`, {
        field: 'name',
      });
    }
    return keeper.extend(record, seconds) ?? record;
  });
  handle('sandbox:set-time-limit', ({ name, timeLimit }) => {
    const record = sandbox(name);
    return keeper.setTimeLimit(record, timeLimit) ?? record;
  });
  handle('sandbox:write-file', ({ name, path, base64 }) =>
    jobs.submit(writeFileJob(sandbox(name).name, path, base64, deps)),
  );
  handle('sandbox:read-file', ({ name, path }) => {
    let jobId = '';
    const job = jobs.submit(
      readFileJob(sandbox(name).name, path, deps, (content) => contents.keep(jobId, content)),
    );
    jobId = job.id;
    return job;
  });
  handle('sandbox:file-content', ({ id }) => contents.take(id));
}

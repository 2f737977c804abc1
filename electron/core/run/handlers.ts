/**
 * Working inside a machine. Run a command (its output kept and streamed by RunOutputs, its end kept
 * in the per-machine history), copy a file or folder out (`orbctl pull`, into a hidden partial name moved into
 * place only when complete), and the save dialog both use in Electron.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import { webAddress } from '../../../shared/inside';
import type { Desktop } from '../platform/desktop';
import type { FileAccess } from '../file-access/file-access';
import type { FileGrants } from '../file-access/grants';
import { absolutePath } from '../file-access/paths';
import { checkPullTarget } from './pull-target';
import { RunHistory } from './run-history';
import type { EventHub } from '../platform/events';
import type { Notices } from '../platform/notices';
import { RunOutputs, type RunOutputSink } from './run-outputs';
import { pullJob, runJob, type RunJobDeps } from './run-jobs';
import type { JobManager } from '../jobs/job-manager';
import type { Machines } from '../machines/machines';
import { webUrl } from '../machines/ssh-urls';
import type { Router } from '../ipc/router';

export interface RunHandlerDeps extends RunJobDeps {
  machines: Machines;
  jobs: JobManager;
  events: EventHub;
  notices: Notices;
  dataDir: string;
  files: FileAccess;
  desktop: Desktop;
  grants: FileGrants;
  home?: string;
}

export function registerRunHandlers(router: Router, deps: RunHandlerDeps): void {
  const handle = router.forOwner('run');
  const { jobs, files } = deps;
  const outputs = new RunOutputs(deps.events);
  const runHistory = new RunHistory(join(deps.dataDir, 'run-history.json'));
  // What could not be read back is said once, as damaged settings are.
  if (runHistory.loadProblem) deps.notices.add('warning', `Recent commands: ${runHistory.loadProblem}.`);
  const home = deps.home ?? homedir();

  handle('machine:run', ({ name, command, as, workdir }) => {
    let bind: (sink: RunOutputSink) => void = () => undefined;
    const sink = new Promise<RunOutputSink>((resolve) => (bind = resolve));
    let jobId = '';
    const job = jobs.submit(
      runJob({ machine: name, command, as, workdir }, deps, sink, (entry) =>
        runHistory.add(name, { ...entry, jobId }),
      ),
    );
    jobId = job.id;
    bind(outputs.open(job.id));
    return job;
  });

  handle('run:output', ({ id }) => outputs.get(id));

  handle('run:history', ({ name }) => runHistory.list(name));

  handle('machine:pull-suggest', ({ source }) => {
    const downloads = join(home, 'Downloads');
    const folder = existsSync(downloads) ? downloads : home;
    const path = join(folder, basename(source.replace(/\/+$/, '')) || 'copy');
    return { path, exists: existsSync(path) };
  });

  handle('machine:pull', async ({ name, source, path: ref, overwrite }, context) => {
    // As for an export: never into a place that holds secrets (file-access.ts).
    const { path } = await files.resolve(ref, 'write', 'export', context.transport, 'path');
    const target = await checkPullTarget(absolutePath(path, 'path'), overwrite ?? false);
    return jobs.submit(pullJob(name, source, target, deps));
  });

  handle('machine:open-web', async ({ name, port }) => {
    if (!deps.machines.snapshot().machines.some((m) => m.name === name)) {
      throw new AppError(ErrorCode.NOT_FOUND, `No machine named '${name}'.`, { field: 'name' });
    }
    const url = webUrl(name, port);
    return { opened: await deps.desktop.openExternal(url), url, address: webAddress(name) };
  });

  handle('desktop:pick-save-path', async ({ defaultPath, purpose }) => {
    if (!deps.desktop.pickSavePath) return { supported: false, file: null };
    const path = await deps.desktop.pickSavePath(defaultPath, purpose);
    return { supported: true, file: path ? deps.grants.grant(path, 'write', 'dialog') : null };
  });
}

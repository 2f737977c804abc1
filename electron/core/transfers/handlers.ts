import { homedir } from 'node:os';
import { basename, dirname } from 'node:path';
import { AppError, ErrorCode, toErrorData } from '../../../shared/errors';
import { isFinished, type Job } from '../../../shared/jobs';
import type { ImportPreview } from '../../../shared/ipc/contract';
import type { ExportBundle, ExportIndexEntry } from '../../../shared/ipc/types';
import type { EventHub } from '../platform/events';
import { inspectExportFolder } from './export-folder';
import { ExportIndexFile, recordEndings } from './export-index-file';
import { freeMachineName } from '../../../shared/names';
import { readExportHeader } from '../export-file/read-header';
import { checksumPresence } from '../export-file/verify';
import type { ExportTargets } from './export-target';
import type { FileAccess, Transport } from '../file-access/file-access';
import {
  checkReadableFile,
  checkReadableFolder,
  checkReadablePath,
  checkWritableFolder,
} from '../file-access/paths';
import type { JobManager } from '../jobs/job-manager';
import type { Machines } from '../machines/machines';
import { cloneJob, exportJob, importJob, pushJob, type TransferDeps } from './transfer-jobs';
import type { SettingsStore } from '../platform/settings-store';
import { exportFileIn, suggestExport } from './export-names';
import type { UploadedFiles } from '../file-access/uploaded-files';
import type { Router } from '../ipc/router';
import type { JobHistory } from '../jobs/history';
import type { Orbctl } from '../orbctl';
import { registerVerifyHandlers } from './verify-handlers';

export interface TransferHandlerDeps {
  orbctl: Orbctl;
  machines: Machines;
  jobs: JobManager;
  history: JobHistory;
  settings: SettingsStore;
  uploads: UploadedFiles | null;
  files: FileAccess;
  exportTargets: ExportTargets;
  events: EventHub;
  home?: string;
}

export function registerTransferHandlers(router: Router, services: TransferHandlerDeps): void {
  registerVerifyHandlers(router, services);
  const handle = router.forOwner('transfers');
  const { jobs, machines, settings, files, history, orbctl, uploads } = services;
  const deps: TransferHandlerDeps & TransferDeps = {
    ...services,
    pastJobs: () => history.list(),
    releaseUpload: (path) => uploads?.release(path),
    orbstackVersion: () => orbctl.version({ quiet: true }).then((v) => v.version),
    knownMachine: (name) => machines.snapshot().machines.find((m) => m.name === name),
  };
  const home = deps.home ?? homedir();
  const names = () => machines.snapshot().machines.map((m) => m.name);

  handle('machine:clone', ({ name, newName }) => {
    if (names().includes(newName)) throw taken(newName, 'newName');
    return jobs.submit(cloneJob(name, newName, deps));
  });

  /** Claims `target` and submits its export; the claim follows the job's life (a job cancelled before it ran). */
  const startExport = async (name: string, target: string, overwrite: boolean) => {
    const claim = await deps.exportTargets.claim(target, overwrite);
    const job = jobs.submit(exportJob(name, claim, deps));
    claim.holdWhile(() => {
      try {
        return !isFinished(jobs.get(job.id));
      } catch {
        return false;
      }
    });
    return job;
  };

  handle('machine:export', async ({ name, path, overwrite }, context) => {
    const { path: target } = await files.resolve(path, 'write', 'export', context.transport, 'path');
    const job = await startExport(name, target, overwrite ?? false);
    settings.set({ lastExportFolder: dirname(target) });
    return job;
  });

  handle('machine:export-bundle', async ({ names: chosen, folder: ref }, context) => {
    const { path: folder } = await files.resolve(ref, 'write', 'export', context.transport, 'folder');
    await checkWritableFolder(folder, 'folder', folder);
    settings.set({ lastExportFolder: folder });
    return exportBundle(folder, chosen, startExport, deps);
  });
  handle('machine:export-suggest', ({ name }) => suggestExport(name, settings, home));

  handle('import:inspect', async ({ path }, context) => inspect(path, context.transport, names(), deps));

  handle('import:inspect-folder', async ({ path: ref }, context) => {
    const { path } = await files.resolve(ref, 'read', 'import', context.transport, 'path');
    const folder = await checkReadableFolder(path, 'path');
    return inspectExportFolder(folder, names(), (file, taken) =>
      previewFile(file, files.refWithin(ref, file), taken, deps),
    );
  });

  handle('machine:import', async ({ path, name }, context) => {
    const preview = await inspect(path, context.transport, names(), deps);
    if (names().includes(name)) throw taken(name, 'name');
    const job = jobs.submit(importJob(preview.path, name, deps, preview.uploaded));
    // The job now owns the upload (and releases it when done): it no longer expires.
    deps.uploads?.hold(preview.path);
    return job;
  });

  handle('machine:push', async ({ name, paths: refs, confirmSensitive, dest }, context) => {
    const sources: string[] = [];
    const secrets: string[] = [];
    for (const [i, ref] of refs.entries()) {
      const field = `paths.${i}`;
      const file = await files.resolve(ref, 'read', 'push', context.transport, field);
      sources.push(await checkReadablePath(file.path, field));
      if (file.sensitive) secrets.push(`${file.path}: ${file.sensitive}`);
    }
    if (secrets.length > 0 && !confirmSensitive) {
      throw new AppError(
        ErrorCode.NEEDS_CONFIRMATION,
        secrets.length === 1
          ? `This file is part of ${secrets[0]!.split(': ').pop()}. Copy it into ${name} anyway?`
          : `${secrets.length} of these files hold secrets. Copy them into ${name} anyway?`,
        { notes: secrets },
      );
    }
    const uploaded = sources.every((p) => deps.uploads?.isUpload(p));
    const job = jobs.submit(pushJob(name, sources, deps, uploaded, dest));
    // The job now owns the uploads (and releases them when done): they no longer expire.
    if (uploaded) for (const p of sources) deps.uploads?.hold(p);
    return job;
  });

  handle('upload:discard', ({ path }) => {
    const discarded = deps.uploads?.isUpload(path) ?? false;
    deps.uploads?.release(path);
    return { discarded };
  });
}

function taken(name: string, field: string): AppError {
  return new AppError(ErrorCode.ALREADY_EXISTS, `A machine named "${name}" already exists.`, { field });
}

async function inspect(
  ref: string,
  transport: Transport,
  taken: readonly string[],
  deps: TransferHandlerDeps,
): Promise<ImportPreview> {
  const { path } = await deps.files.resolve(ref, 'read', 'import', transport, 'path');
  return previewFile(path, ref, taken, deps);
}

/** What the export at `path` holds, with a name for its machine that is not in `taken`. */
async function previewFile(
  path: string,
  ref: string,
  taken: readonly string[],
  deps: TransferHandlerDeps,
): Promise<ImportPreview> {
  const file = await checkReadableFile(path, 'path');
  const config = await readExportHeader(file.path);
  const record = config.record;
  return {
    ref,
    path: file.path,
    size: file.size,
    name: record.name,
    distro: record.image.distro,
    version: record.image.version,
    arch: record.image.arch,
    exportedAt: config.exported_at,
    proposedName: freeMachineName(record.name, [...taken]),
    uploaded: deps.uploads?.isUpload(file.path) ?? false,
    checksum: await checksumPresence(file.path, file.size),
  };
}

/**
 * Starts one export per machine into `folder` and writes the index beside them; the index is brought up to
 * date as each export ends (files/export-index-file.ts). A machine that cannot be exported now is refused alone.
 */
async function exportBundle(
  folder: string,
  chosen: readonly string[],
  startExport: (name: string, target: string, overwrite: boolean) => Promise<Job>,
  deps: TransferHandlerDeps & TransferDeps,
): Promise<ExportBundle> {
  const index = await ExportIndexFile.open(folder);
  const started: Array<{ job: Job; entry: ExportIndexEntry }> = [];
  const refused: ExportBundle['refused'] = [];
  for (const name of chosen) {
    try {
      const target = exportFileIn(folder, name);
      const job = await startExport(name, target, false);
      const known = deps.knownMachine?.(name);
      started.push({
        job,
        entry: {
          machine: name,
          file: basename(target),
          distro: known?.distro ?? '',
          distroVersion: known?.version ?? '',
          arch: known?.arch ?? '',
          state: 'exporting',
        },
      });
    } catch (error) {
      refused.push({ name, message: toErrorData(error).message });
    }
  }
  const note = started.length ? await index.add(started.map((s) => s.entry)) : null;
  const files = new Map(started.map((s) => [s.job.id, s.entry.file]));
  void recordEndings(deps.events, index, files, (id) => {
    try {
      return deps.jobs.get(id);
    } catch {
      return undefined;
    }
  });
  return {
    folder,
    index: index.path,
    jobs: started.map((s) => s.job),
    refused,
    ...(note ? { note } : {}),
  };
}

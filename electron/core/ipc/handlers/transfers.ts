import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppError, ErrorCode } from '../../../../shared/errors';
import { IpcChannel, type ExportSuggestion, type ImportPreview } from '../../../../shared/ipc/contract';
import { freeMachineName } from '../../../../shared/names';
import { readExportHeader } from '../../exportfile/readHeader';
import type { JobManager } from '../../jobs/job-manager';
import { cloneJob, exportJob, importJob, pushJob, type TransferDeps } from '../../jobs/transfer-jobs';
import { checkExportTarget, checkReadableFile } from '../../orbctl/paths';
import type { SettingsStore } from '../../settings/settings-store';
import type { UploadStore } from '../../headless/uploads';
import type { Router } from '../router';

export interface TransferHandlerDeps extends TransferDeps {
  jobs: JobManager;
  settings: SettingsStore;
  uploads: UploadStore | null;
  home?: string;
}

export function registerTransferHandlers(router: Router, deps: TransferHandlerDeps): void {
  const { jobs, machines, settings } = deps;
  const paths = { cwd: '/', home: deps.home ?? homedir() };
  const names = () => machines.snapshot().machines.map((m) => m.name);

  router.handle(IpcChannel.machineClone, ({ name, newName }) => {
    if (names().includes(newName)) throw taken(newName, 'newName');
    return jobs.submit(cloneJob(name, newName, deps));
  });

  router.handle(IpcChannel.machineExport, async ({ name, path, overwrite }) => {
    const target = await checkExportTarget(path, paths, 'path', overwrite ?? false);
    settings.set({ lastExportFolder: dirname(target) });
    return jobs.submit(exportJob(name, target, deps));
  });

  router.handle(IpcChannel.machineExportSuggest, ({ name }) => suggestExport(name, settings, paths.home));

  router.handle(IpcChannel.importInspect, async ({ path }) => inspect(path, names(), deps, paths));

  router.handle(IpcChannel.machineImport, async ({ path, name }) => {
    const preview = await inspect(path, names(), deps, paths);
    if (names().includes(name)) throw taken(name, 'name');
    const job = jobs.submit(importJob(preview.path, name, deps, preview.uploaded));
    // The job now owns the upload (and releases it when done): it no longer expires.
    deps.uploads?.hold(preview.path);
    return job;
  });

  router.handle(IpcChannel.machinePush, async ({ name, paths: files }) => {
    const checked = await Promise.all(
      files.map(async (f, i) => (await checkReadableFile(f, paths, `paths.${i}`)).path),
    );
    const uploaded = checked.every((p) => deps.uploads?.isUpload(p));
    const job = jobs.submit(pushJob(name, checked, deps, uploaded));
    if (uploaded) for (const p of checked) deps.uploads?.hold(p);
    return job;
  });

  router.handle(IpcChannel.uploadDiscard, ({ path }) => {
    const discarded = deps.uploads?.isUpload(path) ?? false;
    deps.uploads?.release(path);
    return { discarded };
  });
}

function taken(name: string, field: string): AppError {
  return new AppError(ErrorCode.ALREADY_EXISTS, `A machine named "${name}" already exists.`, { field });
}

async function inspect(
  path: string,
  taken: string[],
  deps: TransferHandlerDeps,
  paths: { cwd: string; home: string },
): Promise<ImportPreview> {
  const file = await checkReadableFile(path, paths, 'path');
  const config = await readExportHeader(file.path);
  const record = config.record;
  return {
    path: file.path,
    size: file.size,
    name: record.name,
    distro: record.image.distro,
    version: record.image.version,
    arch: record.image.arch,
    exportedAt: config.exported_at,
    proposedName: freeMachineName(record.name, taken),
    uploaded: deps.uploads?.isUpload(file.path) ?? false,
  };
}

/** `<machine>-YYYYMMDD-HHMMSS.tar.zst` (local time) in the chosen, else last, else Downloads folder. */
export function suggestExport(
  name: string,
  settings: SettingsStore,
  home: string,
  now = new Date(),
): ExportSuggestion {
  const s = settings.get();
  const downloads = join(home, 'Downloads');
  const folder =
    [s.exportFolder, s.lastExportFolder, downloads].find(
      (f): f is string => !!f && existsSync(f) && statSync(f).isDirectory(),
    ) ?? home;
  const path = join(folder, `${name}-${timestamp(now)}.tar.zst`);
  return { path, folder, exists: existsSync(path) };
}

export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

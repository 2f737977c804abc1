import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { HistoryEntry } from '../../../shared/jobs';
import { readExportHeader } from '../exportfile/readHeader';
import { durationProgress, expectDuration, expectExport, exportProgress } from './estimates';
import type { JobContext, JobResult, JobSpec } from './job-manager';
import type { MachineJobDeps } from './machine-jobs';
import { tick } from './ticker';

export interface TransferDeps extends MachineJobDeps {
  history(): readonly HistoryEntry[];
  /** Called when a job is done with a file the host uploaded, so it can be deleted. */
  releaseUpload?(path: string): void;
}

const cancelledResult = (outcome: string): JobResult => ({ state: 'cancelled', outcome });
const isCode = (error: unknown, code: string) => error instanceof AppError && error.code === code;

/**
 * After a failed import or clone: rethrows anything but a cancel. After a cancel, looks whether the machine
 * was made anyway (orbctl's daemon may finish what its client was told to stop) and says so, with the
 * machine to clean up; otherwise reports a real cancel.
 */
async function afterCancel(
  error: unknown,
  deps: TransferDeps,
  machine: string,
  made: 'imported' | 'created',
  cancelled: string,
): Promise<JobResult> {
  if (!isCode(error, ErrorCode.CANCELLED)) throw error;
  const exists = (await deps.machines.refresh()).machines.some((m) => m.name === machine);
  return exists
    ? {
        state: 'succeeded',
        outcome: `The cancel came too late: ${machine} was ${made} anyway.`,
        leftover: { machine },
      }
    : cancelledResult(cancelled);
}

/** Reports elapsed-time progress against an estimate from earlier jobs, until stopped. */
function reportByDuration(ctx: JobContext, expected: ReturnType<typeof expectDuration>): () => Promise<void> {
  const started = performance.now();
  ctx.report(durationProgress(0, expected));
  return tick(() => ctx.report(durationProgress(performance.now() - started, expected)), 500);
}

/**
 * Export to `path`. orbctl writes to a hidden partial file beside it, renamed into place only when complete:
 * an existing file is never damaged by a failed or cancelled export, and no half-written file is ever left
 * under the real name. Progress is the partial file's growth against the expected size.
 */
export function exportJob(name: string, path: string, deps: TransferDeps): JobSpec {
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  return {
    kind: 'export',
    machine: name,
    title: `Export ${name} to ${basename(path)}`,
    path,
    scratchFiles: [partial],
    async run(ctx) {
      let spawned = false;
      let stopTicker: (() => Promise<void>) | undefined;
      try {
        const info = await deps.orbctl.info(name, { signal: ctx.signal });
        if (info.diskSize) ctx.note({ sourceBytes: info.diskSize });
        const expectation = expectExport(deps.history(), info.diskSize);
        const expectedDuration = expectDuration(deps.history(), 'export', info.diskSize).durationMs;
        ctx.report(exportProgress(0, 0, expectation, expectedDuration));
        await deps.orbctl.export(name, partial, {
          signal: ctx.signal,
          overwrite: true,
          onSpawn: () => {
            spawned = true;
            const started = performance.now();
            stopTicker = tick(async () => {
              const size = (await stat(partial).catch(() => null))?.size ?? 0;
              ctx.report(exportProgress(size, performance.now() - started, expectation, expectedDuration));
            });
          },
        });
        await stopTicker?.();
        const { size } = await stat(partial);
        await rename(partial, path);
        return { bytes: size };
      } catch (error) {
        await stopTicker?.();
        await rm(partial, { force: true });
        if (!isCode(error, ErrorCode.CANCELLED)) throw error;
        return cancelledResult(
          spawned ? 'Cancelled; the partial file was removed.' : 'Cancelled before anything was written.',
        );
      }
    },
  };
}

/** Import `path` as `name`; the file's header is checked first, so orbctl never sees a foreign file. */
export function importJob(path: string, name: string, deps: TransferDeps, uploaded = false): JobSpec {
  return {
    kind: 'import',
    machine: name,
    title: `Import ${name} from ${basename(path)}`,
    path,
    async run(ctx) {
      let stop: (() => Promise<void>) | undefined;
      try {
        await readExportHeader(path);
        const { size } = await stat(path);
        ctx.note({ sourceBytes: size });
        if ((await deps.machines.refresh()).machines.some((m) => m.name === name)) {
          throw new AppError(
            ErrorCode.ALREADY_EXISTS,
            `A machine named "${name}" already exists; import it under another name.`,
            {
              field: 'name',
            },
          );
        }
        stop = reportByDuration(ctx, expectDuration(deps.history(), 'import', size));
        deps.machines.nudge();
        await deps.orbctl.import(path, { name, signal: ctx.signal });
        return { bytes: size };
      } catch (error) {
        return afterCancel(error, deps, name, 'imported', 'Cancelled; no machine was created.');
      } finally {
        await stop?.();
        deps.machines.nudge();
        if (uploaded) deps.releaseUpload?.(path);
      }
    },
  };
}

export function cloneJob(source: string, newName: string, deps: TransferDeps): JobSpec {
  return {
    kind: 'clone',
    machine: source,
    touches: [source, newName],
    title: `Clone ${source} as ${newName}`,
    async run(ctx) {
      let stop: (() => Promise<void>) | undefined;
      try {
        const info = await deps.orbctl.info(source, { signal: ctx.signal });
        if (info.diskSize) ctx.note({ sourceBytes: info.diskSize });
        stop = reportByDuration(ctx, expectDuration(deps.history(), 'clone', info.diskSize));
        deps.machines.nudge();
        await deps.orbctl.clone(source, newName, { signal: ctx.signal });
      } catch (error) {
        return afterCancel(error, deps, newName, 'created', 'Cancelled; no copy was made.');
      } finally {
        await stop?.();
        deps.machines.nudge();
      }
    },
  };
}

/** Copies files into the machine's home folder (`orbctl push`). */
export function pushJob(name: string, paths: string[], deps: TransferDeps, uploaded = false): JobSpec {
  const what = paths.length === 1 ? basename(paths[0]!) : `${paths.length} files`;
  return {
    kind: 'push',
    machine: name,
    title: `Copy ${what} to ${name}`,
    async run(ctx) {
      try {
        await deps.orbctl.push(name, paths, { signal: ctx.signal });
      } finally {
        if (uploaded) for (const p of paths) deps.releaseUpload?.(p);
      }
    },
  };
}

import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { HistoryEntry } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import { GrowingFileHasher } from '../export-file/checksum';
import { readExportHeader } from '../export-file/read-header';
import { writeSidecars } from './export-sidecars';
import type { ExportClaim, Promoted } from './export-target';
import { durationProgress, expectDuration, expectExport, exportProgress } from '../jobs/estimates';
import type { JobContext, JobSpec } from '../jobs/job-manager';
import type { MachineJobDeps } from '../machines/machine-jobs';
import { find, honestly } from '../jobs/reconcile';
import { tick } from '../jobs/ticker';

export interface TransferDeps extends MachineJobDeps {
  pastJobs(): readonly HistoryEntry[];
  /** Called when a job is done with a file the host uploaded, so it can be deleted. */
  releaseUpload?(path: string): void;
  /** OrbStack's version for export manifests (null when unknown). */
  orbstackVersion?(): Promise<string | null>;
  /** The machine as the store knows it (its disk size from the last `info`), to spare an `orbctl info`. */
  knownMachine?(name: string): Machine | undefined;
}

/** `checksum: false` leaves out the checksum and manifest (only the benchmark's baseline does). */
export interface ExportOptions {
  checksum?: boolean;
}

/** Reports elapsed-time progress against an estimate from earlier jobs, until stopped. */
function reportByDuration(ctx: JobContext, expected: ReturnType<typeof expectDuration>): () => Promise<void> {
  const started = performance.now();
  ctx.report(durationProgress(0, expected));
  return tick(() => ctx.report(durationProgress(performance.now() - started, expected)), 500);
}

/**
 * Export to the claimed target. orbctl writes a private hidden partial file beside it, which the claim moves
 * into place only when complete (files/export-target.ts): an existing file is never damaged by a failed or
 * cancelled export, no half-written file is ever left under the real name, and nothing appears there unasked.
 * Progress is the partial file's growth against the expected size. A stopped export cannot have finished
 * behind our back (its file is discarded), so its honest outcome is the stop itself.
 */
export function exportJob(
  name: string,
  claim: ExportClaim,
  deps: TransferDeps,
  options: ExportOptions = {},
): JobSpec {
  const { path, partial } = claim;
  // Hashes the partial file as it grows, on the progress ticks: the finished file is never read again.
  const hasher = options.checksum === false ? null : new GrowingFileHasher(partial);
  let spawned = false;
  return {
    kind: 'export',
    machine: name,
    title: `Export ${name} to ${basename(path)}`,
    path,
    // If OrbDeck dies mid-export, the next start removes it (jobs/recovery.ts).
    scratchFiles: [partial],
    run: (ctx) =>
      honestly(
        deps.machines,
        {
          happened: null,
          listUnchanged: true,
          cancelled: () =>
            spawned ? 'Cancelled; the partial file was removed.' : 'Cancelled before anything was written.',
        },
        async () => {
          let stopTicker: (() => Promise<void>) | undefined;
          try {
            // The size only sets the estimate: one the store knows spares the export its own `orbctl info`.
            const info = await machineWithSize(name, deps, ctx.signal);
            if (info.diskSize) ctx.note({ sourceBytes: info.diskSize });
            const expectation = expectExport(deps.pastJobs(), info.diskSize ?? null);
            const expectedDuration = expectDuration(
              deps.pastJobs(),
              'export',
              info.diskSize ?? null,
            ).durationMs;
            ctx.report(exportProgress(0, 0, expectation, expectedDuration));
            await claim.prepare();
            await deps.orbctl.export(name, partial, {
              signal: ctx.signal,
              onSpawn: () => {
                spawned = true;
                const started = performance.now();
                stopTicker = tick(async () => {
                  await hasher?.catchUp();
                  const size = (await stat(partial).catch(() => null))?.size ?? 0;
                  ctx.report(
                    exportProgress(size, performance.now() - started, expectation, expectedDuration),
                  );
                });
              },
            });
            await stopTicker?.();
            const sum = await hasher?.finish();
            const landed = await claim.promote();
            if (landed.path !== path) ctx.note({ path: landed.path });
            const notes = [landed.note, sum && (await sidecarsFor(landed, sum, info, deps))];
            const outcome = notes.filter(Boolean).join(' ');
            return { bytes: landed.bytes, ...(outcome ? { outcome } : {}) };
          } catch (error) {
            await stopTicker?.();
            await hasher?.close();
            await claim.discard();
            throw error;
          }
        },
      ),
  };
}

/** The machine with its disk size: from the store when it knows one, else from `orbctl info`. */
async function machineWithSize(name: string, deps: TransferDeps, signal: AbortSignal): Promise<Machine> {
  const known = deps.knownMachine?.(name);
  return known?.diskSize ? known : deps.orbctl.info(name, { signal });
}

/** Writes the checksum and manifest beside a finished export; answers what went wrong, if anything. */
async function sidecarsFor(
  landed: Promoted,
  sum: { sha256: string; bytes: number },
  info: Pick<Machine, 'name' | 'distro' | 'version' | 'arch'>,
  deps: TransferDeps,
): Promise<string | undefined> {
  if (sum.bytes !== landed.bytes) {
    return `The file changed while it was checksummed (${sum.bytes} of ${landed.bytes} bytes), so no checksum was written.`;
  }
  const { notes } = await writeSidecars(landed.path, {
    format: 'orbdeck-export-manifest',
    version: 1,
    file: basename(landed.path),
    machine: info.name,
    distro: info.distro,
    distroVersion: info.version,
    arch: info.arch,
    orbstackVersion: (await deps.orbstackVersion?.().catch(() => null)) ?? null,
    size: landed.bytes,
    sha256: sum.sha256,
    exportedAt: new Date().toISOString(),
  });
  return notes.length ? notes.join(' ') : undefined;
}

/**
 * Import `path` as `name`; the file's header is checked first, so orbctl never sees a foreign file. Whether the
 * name is free was checked when the request came (and orbctl refuses a taken one itself).
 */
export function importJob(path: string, name: string, deps: TransferDeps, uploaded = false): JobSpec {
  return {
    kind: 'import',
    machine: name,
    title: `Import ${name} from ${basename(path)}`,
    path,
    run: (ctx) =>
      honestly(
        deps.machines,
        {
          happened: (machines) =>
            find(machines, name) ? { words: `${name} was imported`, leftover: name } : null,
          cancelled: 'Cancelled; no machine was created.',
        },
        async () => {
          let stop: (() => Promise<void>) | undefined;
          try {
            await readExportHeader(path);
            const { size } = await stat(path);
            ctx.note({ sourceBytes: size });
            stop = reportByDuration(ctx, expectDuration(deps.pastJobs(), 'import', size));
            await deps.orbctl.import(path, { name, signal: ctx.signal });
            return { bytes: size };
          } finally {
            await stop?.();
            if (uploaded) deps.releaseUpload?.(path);
          }
        },
      ),
  };
}

export function cloneJob(source: string, newName: string, deps: TransferDeps): JobSpec {
  return {
    kind: 'clone',
    machine: source,
    touches: [source, newName],
    title: `Clone ${source} as ${newName}`,
    run: (ctx) =>
      honestly(
        deps.machines,
        {
          happened: (machines) =>
            find(machines, newName) ? { words: `${newName} was created`, leftover: newName } : null,
          cancelled: 'Cancelled; no copy was made.',
        },
        async () => {
          let stop: (() => Promise<void>) | undefined;
          try {
            const info = await deps.orbctl.info(source, { signal: ctx.signal });
            if (info.diskSize) ctx.note({ sourceBytes: info.diskSize });
            stop = reportByDuration(ctx, expectDuration(deps.pastJobs(), 'clone', info.diskSize));
            await deps.orbctl.clone(source, newName, { signal: ctx.signal });
          } finally {
            await stop?.();
          }
        },
      ),
  };
}

/** Copies files into the machine's home folder, or into `dest` there (`orbctl push`). */
export function pushJob(
  name: string,
  paths: string[],
  deps: TransferDeps,
  uploaded = false,
  dest?: string,
): JobSpec {
  const what = paths.length === 1 ? basename(paths[0]!) : `${paths.length} files`;
  return {
    kind: 'push',
    machine: name,
    title: `Copy ${what} to ${name}${dest === undefined ? '' : `:${dest}`}`,
    run: (ctx) =>
      honestly(
        deps.machines,
        // What a stopped push had copied cannot be seen from here: say so rather than guess.
        { happened: null, cancelled: 'Cancelled; some of the files may have been copied already.' },
        async () => {
          try {
            await deps.orbctl.push(name, paths, {
              signal: ctx.signal,
              ...(dest === undefined ? {} : { dest }),
            });
          } finally {
            if (uploaded) for (const p of paths) deps.releaseUpload?.(p);
          }
        },
      ),
  };
}

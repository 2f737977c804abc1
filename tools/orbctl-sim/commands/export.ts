import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodeExportHeader } from '../export/encode-header';
import type { ExportedMachine, ExportedRecord } from '../../../shared/export-config';
import { RawZstdFrameEncoder } from '../export/zstd-frame';
import type { Handler } from '../cli/specs';
import type { Ctx } from '../context';
import { daemonError, goErrnoText } from '../failure';
import { findMachine, notFoundError, recordJson } from '../machines';
import { isProcessEnd } from '../sim-process';
import type { StoredMachine } from '../store/state';
import { transitionEnd } from '../store/state';
import { dataMs } from '../timing';
import { ensureVm } from '../vm';
import { exportTarPieces } from '../export/payload';

/** A machine whose disk size is unknown is exported as if it used this much. */
const UNKNOWN_DISK_BYTES = 1e9;

/** The machine to export, once it is not in the middle of another operation. */
async function exportSource(ctx: Ctx, key: string): Promise<StoredMachine> {
  for (;;) {
    const state = await ctx.store.read();
    const found = findMachine(state, key, ctx.env.hostArch);
    if (!found) throw notFoundError(key, ctx.env.version);
    if (found.builtin) throw daemonError('cannot export builtin machine');
    const m = found.machine;
    if (!m.transition) return m;
    await ctx.sleep(transitionEnd(m.transition) - Date.now() + 1);
  }
}

/**
 * `orbctl export NAME FILE` (≥ 1.10; docs/orbctl.md#export-file-layout). Allowed while running. The file is written
 * progressively at disk speed (so a watcher sees it grow), overwritten if it exists, and removed on an ordinary
 * failure or an interrupt; a `crash` fault leaves the partial file behind.
 */
export const exportCommand: Handler = async (ctx, args) => {
  const [key, output] = args.positionals as [string, string];
  const path = resolve(ctx.proc.cwd, output);
  await ensureVm(ctx);
  const machine = await exportSource(ctx, key);
  const failure = ctx.faultFailure(machine.name);
  const crashAt = ctx.crashAt();
  const diskSize = machine.disk_size ?? UNKNOWN_DISK_BYTES;
  const config: ExportedMachine = {
    version: 1,
    record: recordJson(machine) as ExportedRecord,
    exported_at: new Date().toISOString(),
    host_uid: process.getuid?.() ?? 501,
    host_gid: process.getgid?.() ?? 20,
    source_fs: 'btrfs',
    subvolumes: [],
  };
  const header = encodeExportHeader(config);
  const targetFileBytes = Math.max(0, Math.round(diskSize * ctx.env.compressionRatio * ctx.env.exportScale));

  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (err) {
    throw daemonError(`create file: open ${path}: ${goErrnoText(err)}`);
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  const discard = (): void => {
    close();
    rmSync(path, { force: true });
  };
  const stopCleanup = ctx.proc.onInterrupt(discard);
  try {
    await ctx.spin(`Exporting ${machine.name}`, async () => {
      const started = Date.now();
      const totalMs = ctx.opMs(dataMs(diskSize));
      const tick = Math.min(100, Math.max(10, totalMs / 20));
      writeSync(fd, header);
      let written = header.length;
      const encoder = new RawZstdFrameEncoder();
      const pieces = exportTarPieces({
        config,
        rootfsDir: existsSync(ctx.store.rootfs(machine.id)) ? ctx.store.rootfs(machine.id) : null,
        meta: { disk_size: machine.disk_size },
        targetTarBytes: targetFileBytes - header.length,
        mtime: Math.floor(started / 1000),
      });
      const checkpoints = (): void => {
        if (crashAt !== null && written >= crashAt * targetFileBytes) ctx.proc.crash();
        if (failure && written >= 0.5 * targetFileBytes) throw failure;
      };
      for (let piece = pieces.next(); !piece.done;) {
        const elapsed = Date.now() - started;
        // Block headers make the file a little larger than the target: once the time is up, write the rest.
        const due = elapsed >= totalMs ? Infinity : (targetFileBytes * elapsed) / totalMs;
        while (!piece.done && written <= due) {
          const bytes = encoder.push(piece.value);
          if (bytes.length > 0) written += writeSync(fd, bytes);
          checkpoints();
          piece = pieces.next();
        }
        if (!piece.done) await ctx.sleep(tick);
      }
      written += writeSync(fd, encoder.finish());
      checkpoints();
      closeSync(fd);
      open = false;
      await ctx.sleep(started + totalMs - Date.now());
    });
  } catch (err) {
    // A process that died (a crash) leaves its partial file behind; only its open file is closed with it.
    if (isProcessEnd(err)) close();
    else discard();
    throw err;
  } finally {
    stopCleanup();
  }
  return 0;
};

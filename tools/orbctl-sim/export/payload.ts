import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_ENTRY_NAME } from '../../../shared/export-layout';
import type { ExportedMachine } from '../../../shared/export-config';
import { TAR_BLOCK, TAR_END, encodeTarDir, encodeTarFile, encodeTarHeader, tarPadding } from './tar';

/**
 * What the simulator puts in an export's tar: the config entry first (as OrbStack does), then `rootfs/` with a
 * few real files (hostname, os-release, whatever was pushed into the machine), a small metadata file that
 * carries the machine's disk size across an import, and zero-filled filler that brings the file to its
 * realistic size (disk size × compression ratio × ORBCTL_SIM_EXPORT_SCALE).
 */

/** Where the simulator keeps its own bookkeeping inside a machine's filesystem. */
export const SIM_META_DIR = 'rootfs/var/lib/orbctl-sim/';
export const SIM_META_ENTRY = `${SIM_META_DIR}export.json`;
const FILLER_MAX = 1024 ** 3;
const ZERO_CHUNK = Buffer.alloc(128 * 1024);

export interface SimExportMeta {
  disk_size: number | null;
}

export interface PayloadPlan {
  config: ExportedMachine;
  /** The machine's files in the state folder, if any. */
  rootfsDir: string | null;
  meta: SimExportMeta;
  /** Uncompressed tar bytes to aim for (filler makes up the difference). */
  targetTarBytes: number;
  mtime: number;
}

function osRelease(config: ExportedMachine): string {
  const { distro, version } = config.record.image;
  return `NAME="${distro}"\nID=${distro}\nVERSION_ID="${version}"\nPRETTY_NAME="${distro} ${version}"\n`;
}

/** Files and folders under `dir`, depth first, sorted, as tar paths relative to `dir`. */
function walk(dir: string, prefix = ''): { path: string; full: string; isDir: boolean }[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, prefix)).sort();
  } catch {
    return [];
  }
  const out: { path: string; full: string; isDir: boolean }[] = [];
  for (const name of names) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const full = join(dir, rel);
    const st = lstatSync(full);
    if (st.isDirectory()) {
      out.push({ path: rel, full, isDir: true });
      out.push(...walk(dir, rel));
    } else if (st.isFile()) out.push({ path: rel, full, isDir: false });
  }
  return out;
}

/** The tar stream, piece by piece (each piece ≤ 128 KiB apart from small files), so it can be paced. */
export function* exportTarPieces(plan: PayloadPlan): Generator<Buffer> {
  const { config, mtime } = plan;
  let written = 0;
  const emit = (b: Buffer): Buffer => {
    written += b.length;
    return b;
  };
  yield emit(encodeTarFile(CONFIG_ENTRY_NAME, Buffer.from(JSON.stringify(config)), mtime));
  yield emit(encodeTarDir('rootfs/', mtime));
  yield emit(encodeTarDir('rootfs/etc/', mtime));
  yield emit(encodeTarFile('rootfs/etc/hostname', Buffer.from(`${config.record.name}\n`), mtime));
  yield emit(encodeTarFile('rootfs/etc/os-release', Buffer.from(osRelease(config)), mtime));
  yield emit(encodeTarDir('rootfs/var/', mtime));
  yield emit(encodeTarDir('rootfs/var/lib/', mtime));
  yield emit(encodeTarDir(SIM_META_DIR, mtime));
  yield emit(encodeTarFile(SIM_META_ENTRY, Buffer.from(JSON.stringify(plan.meta)), mtime));
  const own = new Set(['etc', 'etc/hostname', 'etc/os-release', 'var', 'var/lib', 'var/lib/orbctl-sim']);
  if (plan.rootfsDir) {
    for (const item of walk(plan.rootfsDir)) {
      if (own.has(item.path) || item.path.startsWith('var/lib/orbctl-sim/')) continue;
      if (item.isDir) yield emit(encodeTarDir(`rootfs/${item.path}/`, mtime));
      else yield emit(encodeTarFile(`rootfs/${item.path}`, readFileSync(item.full), mtime));
    }
  }
  let fill = plan.targetTarBytes - written - TAR_END.length;
  for (let part = 0; fill > TAR_BLOCK; part++) {
    const size = Math.min(FILLER_MAX, fill - TAR_BLOCK);
    const name = `${SIM_META_DIR}filler-${String(part).padStart(3, '0')}.bin`;
    yield emit(encodeTarHeader({ name, size, type: '0', mode: 0o600, mtime }));
    for (let left = size; left > 0; left -= ZERO_CHUNK.length) {
      yield emit(left >= ZERO_CHUNK.length ? ZERO_CHUNK : ZERO_CHUNK.subarray(0, left));
    }
    yield emit(tarPadding(size));
    fill = plan.targetTarBytes - written - TAR_END.length;
  }
  yield emit(TAR_END);
}

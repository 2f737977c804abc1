import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Handler } from '../cli/specs';
import { daemonError, goErrnoText, type SimFailure } from '../failure';
import { allocateIp4, makeIp6 } from '../machines';
import { orbctlAcceptsName } from '../name-rule';
import { isProcessEnd } from '../sim-process';
import type { StoredMachine } from '../store/state';
import { dataMs } from '../timing';
import { ulid } from '../ulid';
import { ensureVm } from '../vm';
import { ImportProblem, ImportReader } from '../export/import-reader';

const PREFIX = 'import container from host path: ';

/** The parts of the config the import needs; anything else in it is ignored. */
interface ImportedConfig {
  record: {
    name: string;
    image: StoredMachine['image'];
    config: { isolated?: boolean; default_username: string };
  };
}

function parseConfig(text: string): ImportedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw daemonError(`${PREFIX}read config: unmarshal config: ${(err as Error).message}`);
  }
  const r = (raw as { record?: Record<string, unknown> } | null)?.record;
  const image = r?.image as Record<string, unknown> | undefined;
  const config = r?.config as Record<string, unknown> | undefined;
  const strings = (o: Record<string, unknown> | undefined, keys: string[]): boolean =>
    o !== undefined && keys.every((k) => typeof o[k] === 'string');
  if (
    !r ||
    typeof r.name !== 'string' ||
    !strings(image, ['distro', 'version', 'arch', 'variant']) ||
    !strings(config, ['default_username'])
  ) {
    throw daemonError(`${PREFIX}read config: unmarshal config: missing machine record`);
  }
  return raw as ImportedConfig;
}

/** orbctl's texts for each way reading an export can fail (docs/orbctl.md#failure-names, the import rows). */
function problemText(p: ImportProblem): SimFailure {
  if (p.stage === 'config') {
    if (p.kind === 'missing-config') {
      return daemonError(
        `${PREFIX}read config: can't find '_orbstack/config.v1.json' in archive. is this a valid OrbStack machine export?`,
      );
    }
    return daemonError(`${PREFIX}read config: read tar entry: ${p.message}`);
  }
  const output =
    p.kind === 'truncated'
      ? 'bsdtar: Truncated input file (needed 512 bytes, only 0 available)'
      : p.kind === 'format' && p.message.startsWith('archive/tar')
        ? 'bsdtar: Damaged tar archive'
        : `bsdtar: ${p.message}`;
  return daemonError(
    `${PREFIX}make rootfs: extract archive: exit status 1; output: ${output}\nbsdtar: Error exit delayed from previous errors.`,
  );
}

/**
 * `orbctl import [-n NAME] FILE` (≥ 1.10). Reads the config from the tar, checks the name, then reads the whole
 * archive at disk speed. The new machine is stopped; its disk size comes from the file. Interrupting it
 * leaves no machine behind.
 */
export const importCommand: Handler = async (ctx, args) => {
  const path = resolve(ctx.proc.cwd, args.positionals[0] as string);
  const override = typeof args.flags.name === 'string' ? args.flags.name : null;
  await ensureVm(ctx);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw daemonError(`${PREFIX}open file: open ${path}: ${goErrnoText(err)}`);
  }
  const staging = join(ctx.store.home, 'staging', `import-${process.pid}-${randomBytes(4).toString('hex')}`);
  const stagingRootfs = join(staging, 'rootfs');
  mkdirSync(stagingRootfs, { recursive: true });
  let reader: ImportReader;
  try {
    reader = new ImportReader(path, size, stagingRootfs);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw daemonError(`${PREFIX}open file: open ${path}: ${goErrnoText(err)}`);
  }
  const cleanup = (): void => {
    reader.close();
    rmSync(staging, { recursive: true, force: true });
  };
  const stopCleanup = ctx.proc.onInterrupt(cleanup);
  let died = false;
  try {
    await ctx.spin(`Importing ${path}`, async () => {
      const config = parseConfig(reader.readConfig());
      const name = override ?? config.record.name;
      if (!orbctlAcceptsName(name)) throw daemonError(`${PREFIX}invalid machine name '${name}'`);
      const taken = (await ctx.store.read()).machines.some((m) => m.name === name);
      if (taken) throw daemonError(`${PREFIX}machine already exists: '${name}'`);

      const failure = ctx.faultFailure(name);
      const crashAt = ctx.crashAt();
      const started = Date.now();
      let diskSize: number | null = null;
      // Any `slow` extra is taken once, so the estimate can be refined when the disk size is known.
      const extraMs = ctx.opMs(0);
      const paceMs = (bytes: number): number => dataMs(bytes) / ctx.env.speed + extraMs;
      let totalMs = paceMs(size / ctx.env.compressionRatio);
      /** The simulator's own exports carry the machine's disk size; it sets the pace and the new machine's size. */
      const readMeta = (): void => {
        if (diskSize !== null || reader.metaText === null) return;
        try {
          const meta = JSON.parse(reader.metaText) as { disk_size?: unknown };
          diskSize = typeof meta.disk_size === 'number' ? meta.disk_size : null;
        } catch {
          // not ours or damaged: estimate from the file size instead
        }
        if (diskSize !== null) totalMs = paceMs(diskSize);
      };
      readMeta();
      while (reader.step('extract')) {
        readMeta();
        const fraction = reader.bytesRead / Math.max(size, 1);
        if (crashAt !== null && fraction >= crashAt) ctx.proc.crash();
        if (failure && fraction >= 0.5) throw failure;
        await ctx.sleep(started + totalMs * fraction - Date.now());
      }
      readMeta();
      if (!reader.sawRootfs) {
        throw daemonError(`${PREFIX}rootfs dir not found. is this a valid OrbStack machine export?`);
      }
      if (failure) throw failure;
      await ctx.sleep(started + totalMs - Date.now());
      await ctx.store.update((state, now) => {
        if (state.machines.some((m) => m.name === name))
          throw daemonError(`${PREFIX}machine already exists: '${name}'`);
        const id = ulid(now);
        const { image, config: machineConfig } = config.record;
        state.machines.push({
          id,
          name,
          image: { distro: image.distro, version: image.version, arch: image.arch, variant: image.variant },
          config: {
            isolated: machineConfig.isolated === true,
            default_username: machineConfig.default_username,
          },
          state: 'stopped',
          disk_size: diskSize ?? Math.round(size / ctx.env.compressionRatio),
          ip4: allocateIp4(state),
          ip6: makeIp6(),
          created_at: now,
        });
        const target = ctx.store.rootfs(id);
        mkdirSync(join(target, '..'), { recursive: true });
        if (existsSync(stagingRootfs)) renameSync(stagingRootfs, target);
      });
    });
  } catch (err) {
    if (err instanceof ImportProblem) throw problemText(err);
    died = isProcessEnd(err);
    throw err;
  } finally {
    // A process that died (a crash) leaves its staging folder behind; only its open file is closed with it.
    if (died) reader.close();
    else cleanup();
    stopCleanup();
  }
  return 0;
};

import { readFileSync } from 'node:fs';
import { distroByCli, resolveVersion } from '../../../shared/distros';
import { UsageError } from '../cli/parse-args';
import type { Handler } from '../cli/specs';
import { supportedArchs } from '../env';
import { daemonError, plainError } from '../failure';
import { planCloudInit, writeCloudInitLog } from '../cloud-init';
import { allocateIp4, initialDiskSize, makeIp6 } from '../machines';
import { orbctlAcceptsName } from '../name-rule';
import { DELETED, makeTransition, transitionEnd, type StoredMachine } from '../store/state';
import { REALISTIC_MS } from '../timing';
import { ulid } from '../ulid';
import { ensureVm } from '../vm';
import { awaitTransition } from './transition';

/** `4G`, `4096M`, `1.5GiB`, `512m` → bytes; null when unreadable. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b)?$/i.exec(text.trim());
  if (!m) return null;
  const power = ' kmgt'.indexOf((m[2] || ' ').toLowerCase());
  return Math.round(Number(m[1]) * 1024 ** power);
}

function readLimits(flags: Record<string, unknown>): StoredMachine['limits'] | undefined {
  const limits: NonNullable<StoredMachine['limits']> = {};
  if (typeof flags.cpus === 'number') {
    if (flags.cpus < 1) throw new UsageError(`invalid CPU count: ${flags.cpus}`);
    limits.cpu = flags.cpus;
  }
  if (typeof flags.memory === 'string') {
    const bytes = parseSize(flags.memory);
    if (bytes === null || bytes < 1) throw new UsageError(`invalid memory size: ${flags.memory}`);
    limits.memory_mib = Math.round(bytes / 1024 ** 2);
  }
  if (typeof flags.disk === 'string') {
    const bytes = parseSize(flags.disk);
    if (bytes === null || bytes < 1) throw new UsageError(`invalid disk size: ${flags.disk}`);
    limits.disk_bytes = bytes;
  }
  return Object.keys(limits).length > 0 ? limits : undefined;
}

/**
 * `orbctl create [flags] DISTRO[:VERSION] [NAME]`. The client checks the distro and architecture; the daemon
 * checks the name, cloud-init support and the image, then creates the machine, which ends up running. The
 * creation is a stored transition, so it completes even if this process is killed.
 */
export const create: Handler = async (ctx, args) => {
  const [image, nameArg] = args.positionals as [string, string | undefined];
  const colon = image.indexOf(':');
  const word = colon === -1 ? image : image.slice(0, colon);
  const distro = distroByCli(word);
  if (!distro) throw new UsageError(`invalid distro: ${word}`);
  const arch = typeof args.flags.arch === 'string' ? args.flags.arch : ctx.env.hostArch;
  if (!supportedArchs(ctx.env.hostArch).includes(arch)) throw new UsageError(`invalid architecture: ${arch}`);
  const limits = readLimits(args.flags);
  const userData = typeof args.flags['user-data'] === 'string' ? args.flags['user-data'] : null;
  let userDataText = '';
  if (userData !== null) {
    try {
      userDataText = readFileSync(userData, 'utf8');
    } catch (err) {
      const reason =
        (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : 'cannot read';
      throw plainError(`open ${userData}: ${reason}`);
    }
  }
  const name = nameArg ?? word;
  const version = resolveVersion(distro, colon === -1 ? undefined : image.slice(colon + 1));
  const variant = userData !== null ? 'cloud' : distro.variant;
  const username =
    typeof args.flags.user === 'string' && args.flags.user !== '' ? args.flags.user : ctx.env.user;
  const isolated = args.flags.isolated === true;

  await ensureVm(ctx);
  const failure = ctx.faultFailure(name);
  const prefix = `create '${name}': `;
  const outcome = await ctx.store.update((state, now) => {
    if (!orbctlAcceptsName(name)) throw daemonError(`${prefix}invalid machine name '${name}'`);
    if (state.machines.some((m) => m.name === name))
      throw daemonError(`${prefix}machine already exists: '${name}'`);
    if (userData !== null && !distro.cloudInit) {
      throw daemonError(`${prefix}cloud-init not supported for '${distro.image}'`);
    }
    if (!distro.versions.includes(version)) return { missing: true as const };
    const imageKey = `${distro.image}:${version}:${arch}`;
    const firstUse = !state.images.includes(imageKey);
    const total = ctx.opMs(REALISTIC_MS.create + (firstUse ? REALISTIC_MS.imageDownload : 0));
    const id = ulid(now);
    const machine: StoredMachine = {
      id,
      name,
      image: { distro: distro.image, version, arch, variant },
      config: { isolated, default_username: username },
      ...(limits ? { limits } : {}),
      state: 'creating',
      transition: makeTransition(
        'create',
        now,
        [
          ['creating', total * 0.8],
          ['starting', total * 0.2],
        ],
        failure ? DELETED : 'running',
      ),
      disk_size: initialDiskSize(distro.image, variant, id),
      ip4: allocateIp4(state),
      ip6: makeIp6(),
      created_at: now,
      // cloud-init runs after the machine has started: create does not wait for it (cloud-init.ts).
      ...(userData !== null
        ? {
            cloud_init: planCloudInit(
              userDataText,
              now + total,
              ctx.env.cloudInitMs ?? ctx.opMs(REALISTIC_MS.cloudInit),
            ),
          }
        : {}),
    };
    // The first machine becomes the default (create.go); otherwise `orbctl default` picks one when asked.
    if (state.machines.length === 0 && !failure) state.default_id = id;
    state.machines.push(machine);
    if (!failure && !state.images.includes(imageKey)) state.images.push(imageKey);
    return {
      missing: false as const,
      until: transitionEnd(machine.transition!),
      id,
      cloudInit: machine.cloud_init,
    };
  });
  if (outcome.missing) {
    await ctx.spin(`Creating ${name}`, () => ctx.sleep(ctx.opMs(REALISTIC_MS.imageLookup)));
    throw daemonError(
      `${prefix}make rootfs: image not found: {${distro.image} ${version} ${arch} ${variant}}`,
    );
  }
  if (outcome.cloudInit)
    writeCloudInitLog(ctx.store.ensureRootfs(outcome.id), userDataText, outcome.cloudInit);
  await awaitTransition(ctx, `Creating ${name}`, outcome.until);
  if (failure) throw failure;
  return 0;
};

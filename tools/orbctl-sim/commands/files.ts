import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Handler } from '../cli/specs';
import { plainError } from '../failure';
import { homeOf, linuxPath, runningTarget } from './target';

/** Copies like cp -R: into `dest` when it is a folder (or several sources), else onto `dest`. */
function copyAll(sources: string[], dest: string, labels: string[], verb: string): number {
  const intoDir =
    sources.length > 1 || (existsSync(dest) && statSync(dest).isDirectory()) || dest.endsWith('/');
  let copied = 0;
  sources.forEach((src, i) => {
    if (!existsSync(src)) throw plainError(`${verb}: stat ${labels[i]}: no such file or directory`);
    const target = intoDir ? join(dest, basename(src)) : dest;
    mkdirSync(dirname(target), { recursive: true });
    cpSync(src, target, { recursive: true });
    copied += statSync(src).isDirectory() ? 0 : statSync(src).size;
  });
  return copied;
}

function machineFlag(flags: Record<string, unknown>): string | null {
  return typeof flags.machine === 'string' ? flags.machine : null;
}

/**
 * `orbctl push [-m M] macOS-source... [Linux-dest]`: copies into the machine's folder in the state folder
 * (`machines/<id>/rootfs`); the destination is relative to the Linux user's home, which is the default.
 */
export const push: Handler = async (ctx, args) => {
  const m = await runningTarget(ctx, machineFlag(args.flags));
  const list = args.positionals;
  const sources = list.length > 1 ? list.slice(0, -1) : list;
  const destArg = list.length > 1 ? (list[list.length - 1] as string) : '.';
  const home = homeOf(m.config.default_username);
  const rootfs = ctx.store.ensureRootfs(m.id);
  mkdirSync(linuxPath(rootfs, home, '.'), { recursive: true });
  let dest = linuxPath(rootfs, home, destArg);
  if (destArg.endsWith('/')) dest += '/';
  const bytes = copyAll(
    sources.map((s) => resolve(ctx.proc.cwd, s)),
    dest,
    sources,
    'push',
  );
  await ctx.store.update((state) => {
    const stored = state.machines.find((x) => x.id === m.id);
    if (stored && stored.disk_size !== null) stored.disk_size += bytes;
  });
  return 0;
};

/** `orbctl pull [-m M] Linux-source... [macOS-dest]`: sources relative to the Linux home, dest default cwd. */
export const pull: Handler = async (ctx, args) => {
  const m = await runningTarget(ctx, machineFlag(args.flags));
  const list = args.positionals;
  const sources = list.length > 1 ? list.slice(0, -1) : list;
  const destArg = list.length > 1 ? (list[list.length - 1] as string) : '.';
  const home = homeOf(m.config.default_username);
  const rootfs = ctx.store.rootfs(m.id);
  let dest = resolve(ctx.proc.cwd, destArg);
  if (destArg.endsWith('/')) dest += '/';
  copyAll(
    sources.map((s) => linuxPath(rootfs, home, s)),
    dest,
    sources,
    'pull',
  );
  return 0;
};

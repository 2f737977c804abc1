/**
 * Pure argv builders, one per orbctl command, in exactly the order of docs/orbctl.md#commands-and-argument-order: `create [flags]
 * DISTRO[:VER] NAME`, `clone SRC NEW`, `export NAME FILE`, `import -n NAME FILE`. Names and words are checked
 * here too, so no builder can put `-rf` where a name belongs. Paths must already be absolute (paths.ts).
 */
import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors';
import { sizeBytes } from '../../../shared/machine-options';
import {
  checkArch,
  checkCommandLine,
  checkCpus,
  checkImage,
  checkLinuxPath,
  checkMachineRef,
  checkNewName,
  checkSize,
  checkUser,
} from './validate';

export interface CreateArgs {
  /** The CLI word (`ubuntu`, `arch`), not the JSON name. */
  distro: string;
  /** Version or code name (`22.04`, `noble`); latest when absent. */
  version?: string | undefined;
  name: string;
  arch?: string | undefined;
  /** Default Linux user; orbctl defaults to the macOS user name. */
  user?: string | undefined;
  /** Absolute path of a cloud-init user-data file. */
  cloudInitFile?: string | undefined;
  /** `--isolated` (orbctl ≥ 2.1). */
  isolated?: boolean | undefined;
  /** `--cpus N`, `--memory 4G`, `--disk 64G` (orbctl ≥ 2.2). */
  cpus?: number | undefined;
  memory?: string | undefined;
  disk?: string | undefined;
}

function absolute(path: string, field: string): string {
  if (typeof path === 'string' && isAbsolute(path)) return path;
  // A programming error rather than user input: paths.ts makes them absolute first.
  throw new AppError('INVALID_INPUT', `'${String(path)}' is not an absolute path.`, { field });
}

export const listArgs = (): string[] => ['list', '-f', 'json'];

export const infoArgs = (machine: string): string[] => ['info', checkMachineRef(machine), '-f', 'json'];

export function createArgs(req: CreateArgs): string[] {
  const { image, distro } = checkImage(req.distro, req.version);
  const name = checkNewName(req.name);
  const flags: string[] = [];
  if (req.arch !== undefined) flags.push('--arch', checkArch(req.arch));
  if (req.user !== undefined) flags.push('--user', checkUser(req.user));
  if (req.cloudInitFile !== undefined) {
    if (!distro.cloudInit) {
      throw new AppError('INVALID_INPUT', `${distro.label} does not support cloud-init.`, {
        field: 'cloudInitFile',
      });
    }
    flags.push('--user-data', absolute(req.cloudInitFile, 'cloudInitFile'));
  }
  if (req.isolated === true) flags.push('--isolated');
  if (req.cpus !== undefined) flags.push('--cpus', String(checkCpus(req.cpus)));
  if (req.memory !== undefined) flags.push('--memory', checkSize(req.memory, 'memory'));
  if (req.disk !== undefined) flags.push('--disk', checkSize(req.disk, 'disk'));
  return ['create', ...flags, image, name];
}

export const startArgs = (machine: string): string[] => ['start', checkMachineRef(machine)];
/** `start` without a machine starts OrbStack itself (docs/orbctl.md#commands-and-argument-order). */
export const startOrbStackArgs = (): string[] => ['start'];
export const stopArgs = (machine: string): string[] => ['stop', checkMachineRef(machine)];
export const restartArgs = (machine: string): string[] => ['restart', checkMachineRef(machine)];
/** `-f`: never prompt (a prompt would wait for stdin forever; the UI has already asked). */
export const deleteArgs = (machine: string): string[] => ['delete', '-f', checkMachineRef(machine)];

export const cloneArgs = (source: string, newName: string): string[] => [
  'clone',
  checkMachineRef(source, 'source'),
  checkNewName(newName, 'newName'),
];

export const renameArgs = (machine: string, newName: string): string[] => [
  'rename',
  checkMachineRef(machine),
  checkNewName(newName, 'newName'),
];

export const exportArgs = (machine: string, file: string): string[] => [
  'export',
  checkMachineRef(machine),
  absolute(file, 'file'),
];

/** Without a name the machine keeps the name stored in the export. */
export function importArgs(file: string, name?: string): string[] {
  const path = absolute(file, 'file');
  return name === undefined ? ['import', path] : ['import', '-n', checkNewName(name), path];
}

export const logsArgs = (machine: string, all = false): string[] =>
  all ? ['logs', checkMachineRef(machine), '--all'] : ['logs', checkMachineRef(machine)];

export const defaultGetArgs = (): string[] => ['default'];
export const defaultSetArgs = (machine: string): string[] => ['default', checkMachineRef(machine)];

export const versionArgs = (): string[] => ['version'];
export const statusArgs = (): string[] => ['status'];

export const usernameKey = (machine: string): string => `machine.${checkMachineRef(machine)}.username`;
export const configGetUsernameArgs = (machine: string): string[] => ['config', 'get', usernameKey(machine)];
export const configSetUsernameArgs = (machine: string, user: string): string[] => [
  'config',
  'set',
  usernameKey(machine),
  checkUser(user),
];

export const configShowArgs = (): string[] => ['config', 'show'];

/** What `machine:set-limits` may change; sizes as the create form takes them (`4G`). */
export interface Limits {
  cpus?: number | undefined;
  memory?: string | undefined;
  disk?: string | undefined;
}

/**
 * `config set machine.NAME.cpu N`, `… .memory_mib MiB`, `… .disk_bytes BYTES` (orbctl ≥ 2.2,
 * docs/orbctl.md#config), one argv per limit given, in that order.
 */
export function configSetLimitsArgs(machine: string, limits: Limits): string[][] {
  const key = (prop: string) => `machine.${checkMachineRef(machine)}.${prop}`;
  const calls: string[][] = [];
  if (limits.cpus !== undefined) calls.push(['config', 'set', key('cpu'), String(checkCpus(limits.cpus))]);
  if (limits.memory !== undefined) {
    const mib = sizeBytes(checkSize(limits.memory, 'memory')) / 1024 ** 2;
    calls.push(['config', 'set', key('memory_mib'), String(mib)]);
  }
  if (limits.disk !== undefined) {
    calls.push(['config', 'set', key('disk_bytes'), String(sizeBytes(checkSize(limits.disk, 'disk')))]);
  }
  if (calls.length === 0)
    throw new AppError('INVALID_INPUT', 'Nothing to change: give CPUs, memory or disk.');
  return calls;
}

/**
 * `push -m NAME files… [dest]`. orbctl treats the last of several arguments as the destination, so with more
 * than one file and no destination we pass `.` (the Linux user's home, which is also orbctl's default).
 */
export function pushArgs(machine: string, files: readonly string[], dest?: string): string[] {
  if (files.length === 0)
    throw new AppError('INVALID_INPUT', 'Choose at least one file to copy.', { field: 'files' });
  const sources = files.map((f, i) => absolute(f, `files.${i}`));
  const target = dest !== undefined ? [checkLinuxPath(dest)] : sources.length > 1 ? ['.'] : [];
  return ['push', '-m', checkMachineRef(machine), ...sources, ...target];
}

// Run and pull.

export interface RunArgs {
  /** Absent: the machine's default user. */
  user?: string | undefined;
  /** Absent: the user's home. */
  workdir?: string | undefined;
}

/**
 * `run -m NAME [-u USER] [-w DIR] -- sh -c LINE`: the line is one argv element that the machine's `sh` reads,
 * so no shell on this computer ever sees it, and `--` keeps orbctl from taking any of it for its own flags.
 */
export function runArgs(machine: string, line: string, options: RunArgs = {}): string[] {
  const flags = ['-m', checkMachineRef(machine)];
  if (options.user !== undefined) flags.push('-u', checkUser(options.user));
  if (options.workdir !== undefined) flags.push('-w', checkLinuxPath(options.workdir, 'workdir'));
  return ['run', ...flags, '--', 'sh', '-c', checkCommandLine(line)];
}

/** `pull -m NAME SOURCE DEST`: the source is relative to the Linux user's home (or absolute). */
export const pullArgs = (machine: string, source: string, dest: string): string[] => [
  'pull',
  '-m',
  checkMachineRef(machine),
  checkLinuxPath(source, 'source'),
  absolute(dest, 'dest'),
];

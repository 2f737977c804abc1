/**
 * Everything the adapter can refuse by itself, before any orbctl process starts. The rules are the shared ones
 * (shared/names.ts, shared/machine-options.ts, shared/paths.ts) that the form and the IPC schema ask too; here a
 * problem becomes a typed error naming the field. The file-system checks are in files/paths.ts.
 */
import { AppError, ErrorCode } from '../../../shared/errors';
import { distroByCli, type Distro } from '../../../shared/distros';
import {
  archProblem,
  cpusProblem,
  distroProblem,
  imageVersionProblem,
  shown,
  sizeProblem,
  userNameProblem,
} from '../../../shared/machine-options';
import { machineNameProblem, machineRefProblem } from '../../../shared/names';
import { commandLineProblem, linuxPathProblem } from '../../../shared/inside';

export { shown };

function refuse(code: ErrorCode, problem: string, field: string): never {
  throw new AppError(code, problem, { field });
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A name for a machine that is about to exist (create, clone, import, rename target). */
export function checkNewName(name: string, field = 'name'): string {
  const problem = machineNameProblem(text(name));
  return problem === null ? name : refuse(ErrorCode.INVALID_NAME, problem, field);
}

/** A reference to an existing machine (name or ULID id). */
export function checkMachineRef(name: string, field = 'machine'): string {
  const problem = machineRefProblem(text(name));
  return problem === null ? name : refuse(ErrorCode.INVALID_NAME, problem, field);
}

/** `DISTRO[:VERSION]` for `orbctl create`, with the distro checked against the table. */
export function checkImage(distro: string, version?: string): { image: string; distro: Distro } {
  const distroIssue = distroProblem(text(distro));
  if (distroIssue) refuse(ErrorCode.INVALID_INPUT, distroIssue, 'distro');
  const known = distroByCli(distro)!;
  if (version === undefined || version === '') return { image: known.cli, distro: known };
  const versionIssue = imageVersionProblem(text(version));
  if (versionIssue) refuse(ErrorCode.INVALID_INPUT, versionIssue, 'version');
  return { image: `${known.cli}:${version}`, distro: known };
}

export function checkArch(arch: string): string {
  const problem = archProblem(text(arch));
  return problem === null ? arch : refuse(ErrorCode.INVALID_INPUT, problem, 'arch');
}

export function checkUser(user: string, field = 'user'): string {
  const problem = userNameProblem(text(user));
  return problem === null ? user : refuse(ErrorCode.INVALID_INPUT, problem, field);
}

export function checkCpus(cpus: number): number {
  const problem = cpusProblem(cpus);
  return problem === null ? cpus : refuse(ErrorCode.INVALID_INPUT, problem, 'cpus');
}

export function checkSize(size: string, field: 'memory' | 'disk'): string {
  const problem = sizeProblem(text(size), field);
  return problem === null ? size : refuse(ErrorCode.INVALID_INPUT, problem, field);
}

/** A path inside the Linux machine for `push` (relative to the user's home, or absolute). */
export function checkLinuxPath(path: string, field = 'destination'): string {
  if (typeof path === 'string' && linuxPathProblem(path) === null) return path;
  return refuse(
    ErrorCode.INVALID_INPUT,
    `'${shown(text(path))}' is not a usable path in the machine.`,
    field,
  );
}

/** A command line for `orbctl run` (shared/inside.ts). */
export function checkCommandLine(line: string, field = 'command'): string {
  const problem = commandLineProblem(text(line));
  return problem === null ? line : refuse(ErrorCode.INVALID_INPUT, problem, field);
}

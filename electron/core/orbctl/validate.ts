/**
 * Everything the adapter can refuse by itself, before any orbctl process starts: machine names (orbctl's own
 * rule, so `-rf` can never become a flag), distro words, architectures, user names, resource limits.
 * All pure; the file-system checks are in paths.ts.
 */
import { AppError } from '../../../shared/errors';
import { ARCHITECTURES, DISTROS, distroByCli, type Distro } from '../../../shared/distros';
import { MACHINE_NAME_PATTERN, RESERVED_MACHINE_NAMES, machineNameProblem } from '../../../shared/names';

/** What `--arch` accepts: arm64/amd64 on Apple silicon, amd64/i386 on Intel Macs (reference §3.1). */
export const ORBCTL_ARCHITECTURES: readonly string[] = [...ARCHITECTURES, 'i386'];

/** Shows a value in a message without letting a 300-character name swamp it. */
export function shown(value: string, max = 40): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

function invalidInput(message: string, field: string): AppError {
  return new AppError('INVALID_INPUT', message, { field });
}

/**
 * A name for a machine that is about to exist (create, clone, import, rename target): orbctl's rule plus
 * OrbDeck's stricter extras from shared/names.ts (≤ 63 characters, reserved words in any case).
 */
export function checkNewName(name: string, field = 'name'): string {
  const problem = typeof name === 'string' ? machineNameProblem(name) : 'Enter a name.';
  if (problem === null) return name;
  const message = name === '' ? problem : `'${shown(String(name))}' cannot be a machine name. ${problem}`;
  throw new AppError('INVALID_NAME', message, { field });
}

/**
 * A reference to an existing machine (name or ULID id). orbctl's exact rule only, so a machine someone made on
 * the command line with a long or oddly cased name stays manageable; still no leading `-`, no spaces.
 */
export function checkMachineRef(name: string, field = 'machine'): string {
  if (typeof name === 'string' && MACHINE_NAME_PATTERN.test(name) && !RESERVED_MACHINE_NAMES.includes(name)) {
    return name;
  }
  const problem = typeof name === 'string' ? (machineNameProblem(name) ?? 'It is reserved by OrbStack.') : '';
  const message =
    name === '' ? 'Enter a machine name.' : `'${shown(String(name))}' is not a machine name. ${problem}`;
  throw new AppError('INVALID_NAME', message.trim(), { field });
}

const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `DISTRO[:VERSION]` for `orbctl create`, with the distro checked against the table. */
export function checkImage(distro: string, version?: string): { image: string; distro: Distro } {
  const known = typeof distro === 'string' ? distroByCli(distro) : undefined;
  if (!known) {
    const words = DISTROS.map((d) => d.cli).join(', ');
    throw invalidInput(
      `'${shown(String(distro))}' is not a distro orbctl can create. Choose one of: ${words}.`,
      'distro',
    );
  }
  if (version === undefined || version === '') return { image: known.cli, distro: known };
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version) || version.length > 64) {
    throw invalidInput(`'${shown(String(version))}' is not a valid ${known.label} version.`, 'version');
  }
  return { image: `${known.cli}:${version}`, distro: known };
}

export function checkArch(arch: string): string {
  if (ORBCTL_ARCHITECTURES.includes(arch)) return arch;
  throw invalidInput(
    `'${shown(String(arch))}' is not an architecture orbctl supports (${ORBCTL_ARCHITECTURES.join(', ')}).`,
    'arch',
  );
}

/** A Linux user name as useradd accepts it (no leading `-`, so it can never read as a flag). */
const USER_PATTERN = /^[a-z_][a-z0-9_-]{0,30}\$?$/;

export function checkUser(user: string, field = 'user'): string {
  if (typeof user === 'string' && USER_PATTERN.test(user)) return user;
  throw invalidInput(
    `'${shown(String(user))}' is not a valid Linux user name (lower-case letters, digits, "-" and "_", starting with a letter).`,
    field,
  );
}

export function checkCpus(cpus: number): number {
  if (Number.isInteger(cpus) && cpus >= 1 && cpus <= 1024) return cpus;
  throw invalidInput(`${String(cpus)} is not a valid number of CPUs (a whole number from 1).`, 'cpus');
}

/** `--memory 4G`, `--disk 64G` (the form quoted in orbstack#789); M and T accepted too. */
const SIZE_PATTERN = /^[1-9][0-9]{0,6}[MGT]$/;

export function checkSize(size: string, field: 'memory' | 'disk'): string {
  if (typeof size === 'string' && SIZE_PATTERN.test(size)) return size;
  throw invalidInput(
    `'${shown(String(size))}' is not a valid ${field} size; write it like 4G or 512M.`,
    field,
  );
}

/** A path inside the Linux machine for `push` (relative to the user's home, or absolute). */
export function checkLinuxPath(path: string, field = 'destination'): string {
  if (typeof path === 'string' && path !== '' && !path.startsWith('-') && !path.includes('\0')) return path;
  throw invalidInput(`'${shown(String(path))}' is not a usable path in the machine.`, field);
}

/**
 * The rules for what `orbctl create` (and `config set … username`) accept, in one place: the New Machine form
 * checks them as the person types, the IPC schema before any handler runs, and the adapter before anything
 * reaches argv (see docs/orbctl.md, "Create"). Each rule answers the problem in words a person can act on, or
 * null when the value is fine. Where two older copies disagreed, the stricter one is the rule.
 */
import { ARCHITECTURES, DISTROS, distroByCli } from './distros';

/** cloud-init user data (`create -c`) is at most this big, in the form, in a request and in a preset. */
export const MAX_CLOUD_INIT_CHARS = 256 * 1024;

/**
 * A Linux user name as useradd accepts it, kept to what every distro's useradd takes: a lower-case letter or
 * `_` first, then lower-case letters, digits, `_` and `-`, at most 31 characters. Never starts with `-`, so it
 * can never read as a flag.
 */
export const USER_PATTERN = /^[a-z_][a-z0-9_-]{0,30}$/;

export function userNameProblem(user: string): string | null {
  if (USER_PATTERN.test(user)) return null;
  if (user.length > 31) return 'A user name can have at most 31 characters.';
  return 'A user name uses lower-case letters, digits, “-” and “_”, and starts with a letter or “_”.';
}

/** `--cpus N`: whole CPUs. */
export const MAX_CPUS = 128;

export function cpusProblem(cpus: number): string | null {
  return Number.isInteger(cpus) && cpus >= 1 && cpus <= MAX_CPUS
    ? null
    : `CPUs must be a whole number from 1 to ${MAX_CPUS}.`;
}

/** `--memory 4G`, `--disk 64G` (the form quoted in orbstack#789): a whole number and M, G or T. */
export const SIZE_PATTERN = /^[1-9]\d{0,5}[MGT]$/;

export function sizeProblem(size: string, field: 'memory' | 'disk'): string | null {
  if (SIZE_PATTERN.test(size)) return null;
  return `${field === 'memory' ? 'Memory' : 'Disk'} must be a whole size like 4G or 512M.`;
}

const SIZE_UNITS = { M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 } as const;

/** The bytes of a size the rule accepts (`4G` → 4 GiB), as orbctl's config keys take them. */
export function sizeBytes(size: string): number {
  if (sizeProblem(size, 'memory') !== null) throw new RangeError(`not a size: ${shown(size)}`);
  return Number(size.slice(0, -1)) * SIZE_UNITS[size.at(-1) as keyof typeof SIZE_UNITS];
}

/** A number of bytes as the rule writes a size (`4G`, `512M`), or null when it is not a whole MiB. */
export function sizeOf(bytes: number): string | null {
  for (const unit of ['T', 'G', 'M'] as const) {
    const n = bytes / SIZE_UNITS[unit];
    if (Number.isInteger(n) && n >= 1) return `${n}${unit}`;
  }
  return null;
}

/** What a person may type for a size (`4g`, ` 512M `) in the form the rule takes. */
export const normalizeSize = (typed: string): string => typed.trim().toUpperCase();

/** `DISTRO:VERSION`: a version word as the image server names it (`jammy`, `9-Stream`, `3.22`). */
export const VERSION_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9.-]{0,31}$/;

export function imageVersionProblem(version: string): string | null {
  return VERSION_PATTERN.test(version) ? null : `'${shown(version)}' is not a version orbctl knows.`;
}

export function distroProblem(distro: string): string | null {
  if (distroByCli(distro)) return null;
  return `'${shown(distro)}' is not a distro orbctl can create. Choose one of: ${DISTROS.map((d) => d.cli).join(', ')}.`;
}

/** The architectures of a Mac with Apple silicon (Intel Macs could ask for i386; OrbDeck does not offer it). */
export function archProblem(arch: string): string | null {
  return (ARCHITECTURES as readonly string[]).includes(arch) ? null : 'The architecture is arm64 or amd64.';
}

/** Shows a value in a message without letting a 300-character one swamp it. */
export function shown(value: string, max = 40): string {
  return value.length <= max ? value : `${value.slice(0, max)}…`;
}

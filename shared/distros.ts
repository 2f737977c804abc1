/**
 * The distros orbctl can create (scon/images/images.go, as of OrbStack ~2.0), with the word the CLI takes,
 * the name the JSON reports, the versions offered in the create dialog (first = latest, the default), the
 * numeric aliases orbctl resolves to code names, and whether cloud-init (`-c`) is supported.
 */
export interface Distro {
  /** The word `orbctl create` accepts. */
  readonly cli: string;
  /** The name `orbctl list -f json` reports in `image.distro`. */
  readonly image: string;
  readonly label: string;
  /** Versions as the JSON reports them, latest first. */
  readonly versions: readonly string[];
  /** Numeric version → stored version (`ubuntu:22.04` is stored as `jammy`). */
  readonly aliases: Readonly<Record<string, string>>;
  readonly cloudInit: boolean;
  /** `image.variant` when created without cloud-init. */
  readonly variant: 'default' | 'openrc';
}

const d = (
  cli: string,
  image: string,
  label: string,
  versions: string[],
  cloudInit: boolean,
  aliases: Record<string, string> = {},
  variant: 'default' | 'openrc' = 'default',
): Distro => ({ cli, image, label, versions, aliases, cloudInit, variant });

export const DISTROS: readonly Distro[] = [
  d('alma', 'almalinux', 'AlmaLinux', ['9', '8'], true),
  d('alpine', 'alpine', 'Alpine', ['3.22', '3.21', '3.20', 'edge'], true),
  d('arch', 'archlinux', 'Arch Linux', ['current'], false),
  d('centos', 'centos', 'CentOS Stream', ['9-Stream', '10-Stream'], true),
  d('debian', 'debian', 'Debian', ['bookworm', 'trixie', 'bullseye', 'buster', 'forky'], true, {
    '10': 'buster',
    '11': 'bullseye',
    '12': 'bookworm',
    '13': 'trixie',
    '14': 'forky',
  }),
  d('devuan', 'devuan', 'Devuan', ['daedalus', 'chimaera'], true, { '4': 'chimaera', '5': 'daedalus' }),
  d('fedora', 'fedora', 'Fedora', ['42', '41'], true),
  d('gentoo', 'gentoo', 'Gentoo', ['current'], false, {}, 'openrc'),
  d('kali', 'kali', 'Kali Linux', ['current'], true),
  d('nixos', 'nixos', 'NixOS', ['25.05', '24.11'], false),
  d('openeuler', 'openeuler', 'openEuler', ['25.03', '24.03'], true),
  d('opensuse', 'opensuse', 'openSUSE Leap', ['15.6', '15.5', 'tumbleweed'], true),
  d('oracle', 'oracle', 'Oracle Linux', ['9', '8'], true),
  d('rocky', 'rockylinux', 'Rocky Linux', ['9', '8'], true),
  d('ubuntu', 'ubuntu', 'Ubuntu', ['plucky', 'noble', 'jammy', 'oracular', 'focal'], true, {
    '20.04': 'focal',
    '22.04': 'jammy',
    '24.04': 'noble',
    '24.10': 'oracular',
    '25.04': 'plucky',
  }),
  d('void', 'voidlinux', 'Void Linux', ['current'], false),
];

export const ARCHITECTURES = ['arm64', 'amd64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export function distroByCli(word: string): Distro | undefined {
  return DISTROS.find((x) => x.cli === word);
}

/** Finds a distro by the name the JSON reports (`archlinux`), falling back to the CLI word. */
export function distroByImage(name: string): Distro | undefined {
  return DISTROS.find((x) => x.image === name) ?? distroByCli(name);
}

/** The version orbctl stores for `version` (numeric aliases resolved); the latest when none is given. */
export function resolveVersion(distro: Distro, version: string | undefined): string {
  if (!version) return distro.versions[0] ?? 'current';
  return distro.aliases[version] ?? version;
}

/** A version as people read it: "noble (24.04)" where orbctl knows a number for the code name, else as is. */
export function versionLabel(distro: Distro, version: string): string {
  const numeric = Object.entries(distro.aliases).find(([, name]) => name === version)?.[0];
  return numeric ? `${version} (${numeric})` : version;
}

/** What "Latest" (no version given to orbctl) resolves to, said plainly: "Latest: plucky (25.04)". */
export function latestLabel(distro: Distro): string {
  return `Latest: ${versionLabel(distro, resolveVersion(distro, undefined))}`;
}

/** A human label: "Ubuntu noble (24.04)". */
export function describeImage(image: string, version: string): string {
  const distro = distroByImage(image);
  if (!distro) return `${image} ${version}`.trim();
  const numeric = Object.entries(distro.aliases).find(([, name]) => name === version)?.[0];
  return numeric ? `${distro.label} ${version} (${numeric})` : `${distro.label} ${version}`;
}

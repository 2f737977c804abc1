import { createHash, randomBytes } from 'node:crypto';
import { daemonError } from './failure';
import { GATES, atLeast, type SimVersion } from './version';
import type { SimState, StoredMachine } from './store/state';

/** The built-in Docker machine (types/names.go): hidden from `list`, visible to `info`, refused by clone etc. */
export const BUILTIN_DOCKER_ID = '01GQQVF6C60000000000DOCKER';

export function builtinDocker(hostArch: string): StoredMachine {
  return {
    id: BUILTIN_DOCKER_ID,
    name: 'docker',
    image: { distro: 'docker', version: 'latest', arch: hostArch, variant: 'default' },
    config: { isolated: false, default_username: 'root' },
    state: 'running',
    disk_size: null,
    ip4: '',
    ip6: '',
    created_at: 0,
  };
}

export interface FoundMachine {
  machine: StoredMachine;
  builtin: boolean;
}

/** `getByKey`: the ULID id first, then the name (exact, case-sensitive); the built-in machine last. */
export function findMachine(state: SimState, key: string, hostArch: string): FoundMachine | null {
  const byId = state.machines.find((m) => m.id === key);
  if (byId) return { machine: byId, builtin: false };
  const byName = state.machines.find((m) => m.name === key);
  if (byName) return { machine: byName, builtin: false };
  if (key === 'docker' || key === BUILTIN_DOCKER_ID)
    return { machine: builtinDocker(hostArch), builtin: true };
  return null;
}

/** `[-32098] machine not found: 'NAME'`; before 1.10 without the name. */
export function notFoundError(key: string, version: SimVersion): ReturnType<typeof daemonError> {
  return daemonError(
    atLeast(version, GATES.notFoundWithName) ? `machine not found: '${key}'` : 'machine not found',
  );
}

/** ContainerRecord, with Go's field order (docs/orbctl.md#list-json). */
export function recordJson(m: StoredMachine, builtin = false): Record<string, unknown> {
  return {
    id: m.id,
    name: m.name,
    image: { distro: m.image.distro, version: m.image.version, arch: m.image.arch, variant: m.image.variant },
    config: { isolated: m.config.isolated, default_username: m.config.default_username },
    builtin,
    state: m.state,
  };
}

/** ContainerInfo (≥ 1.10): the record, disk_size (null when unknown) and the IPs only while running (docs/orbctl.md#info-json). */
export function infoJson(m: StoredMachine, builtin: boolean, version: SimVersion): Record<string, unknown> {
  if (!atLeast(version, GATES.infoWrapper)) return recordJson(m, builtin);
  const info: Record<string, unknown> = { record: recordJson(m, builtin), disk_size: m.disk_size };
  if (m.state === 'running' && m.ip4) info.ip4 = m.ip4;
  if (m.state === 'running' && m.ip6) info.ip6 = m.ip6;
  return info;
}

/** Typical used disk of a fresh machine per distro (JSON name), in bytes. */
const BASE_DISK_BYTES: Record<string, number> = {
  almalinux: 780e6,
  alpine: 205e6,
  archlinux: 1.12e9,
  centos: 820e6,
  debian: 640e6,
  devuan: 560e6,
  fedora: 1.28e9,
  gentoo: 1.9e9,
  kali: 1.75e9,
  nixos: 1.95e9,
  openeuler: 900e6,
  opensuse: 860e6,
  oracle: 830e6,
  rockylinux: 790e6,
  ubuntu: 962.9e6,
  voidlinux: 420e6,
};

/** A realistic disk size for a new machine, varied a little (±8 %) per machine so rows differ. */
export function initialDiskSize(distro: string, variant: string, id: string): number {
  const base = BASE_DISK_BYTES[distro] ?? 900e6;
  const jitter = (createHash('sha1').update(id).digest().readUInt16LE(0) / 0xffff - 0.5) * 0.16;
  const cloud = variant === 'cloud' ? 60e6 : 0;
  return Math.round(base * (1 + jitter) + cloud);
}

/** The lowest free address in 198.19.249.0/24 (.1 is the host side, .2 the Docker machine). */
export function allocateIp4(state: SimState): string {
  const used = new Set(state.machines.map((m) => m.ip4));
  for (let n = 3; n < 255; n++) {
    const ip = `198.19.249.${n}`;
    if (!used.has(ip)) return ip;
  }
  return `198.19.249.${3 + Math.floor(Math.random() * 252)}`;
}

/** A ULA address with an EUI-64 interface id, written the way Go prints IPv6 (no leading zeros). */
export function makeIp6(mac: Buffer = randomBytes(6)): string {
  const b = [...mac];
  const group = (hi: number, lo: number): string => ((hi << 8) | lo).toString(16);
  const iid = [
    group((b[0]! ^ 0x02) & 0xff, b[1]!),
    group(b[2]!, 0xff),
    group(0xfe, b[3]!),
    group(b[4]!, b[5]!),
  ];
  return `fd07:b51a:cc66:0:${iid.join(':')}`;
}

/** `orbctl default` with none set: the alphabetically first machine (scon manager.go). */
export function pickDefault(state: SimState): StoredMachine | null {
  const sorted = [...state.machines].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted[0] ?? null;
}

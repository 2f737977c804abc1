/**
 * The machine model OrbDeck works with, normalised from `orbctl list -f json` / `orbctl info -f json`.
 * The adapter's zod schemas produce these; the renderer only ever sees these.
 */

/** States orbctl reports (scon/types/state.go). Newer OrbStack versions may add more: keep unknown ones as-is. */
export const KNOWN_STATES = [
  'creating',
  'starting',
  'running',
  'stopping',
  'stopped',
  'deleting',
  'provisioning',
] as const;
export type KnownState = (typeof KNOWN_STATES)[number];
/** A known state, or any other string orbctl may report one day. */
export type MachineState = KnownState | (string & {});

export const TRANSITIONAL_STATES: readonly string[] = [
  'creating',
  'starting',
  'stopping',
  'deleting',
  'provisioning',
];

export function isKnownState(state: string): state is KnownState {
  return (KNOWN_STATES as readonly string[]).includes(state);
}

export interface Machine {
  /** ULID, stable across renames. */
  id: string;
  name: string;
  state: MachineState;
  /** As the JSON reports it (`archlinux`, not the CLI word `arch`). */
  distro: string;
  /** As stored by orbctl, aliases resolved (`jammy`, not `22.04`). */
  version: string;
  arch: string;
  /** `default`, `openrc`, `cloud`, … */
  variant: string;
  isolated: boolean;
  defaultUser: string;
  /** OrbStack's default machine (`orbctl default`); false when unknown. */
  isDefault: boolean;
  /** Bytes on disk, when known (from `info`). */
  diskSize?: number | null;
  /** Only while running (from `info`). */
  ip4?: string;
  ip6?: string;
}

/** `orbctl info`: the record plus what only `info` knows. Pre-1.10 orbctl gives only the record. */
export interface MachineInfo extends Machine {
  diskSize: number | null;
}

/** Parsed `orbctl version`. */
export interface OrbctlVersion {
  /** `2.2.0` */
  version: string;
  major: number;
  minor: number;
  patch: number;
  /** The build code in parentheses, when printed. */
  build?: string;
  commit?: string;
}

/**
 * What the installed orbctl can do, from its version (docs/orbctl.md#version-gates), so the UI can hide
 * actions instead of failing them.
 */
export interface OrbctlCapabilities {
  /** The version these were derived from, e.g. `2.2.0`. */
  version: string;
  /** `clone`, `export`, `import`: orbctl ≥ 1.10. */
  clone: boolean;
  export: boolean;
  import: boolean;
  /** `create --isolated`: orbctl ≥ 2.1. */
  isolated: boolean;
  /** `create --cpus/--memory/--disk`: orbctl ≥ 2.2. */
  resourceLimits: boolean;
}

/**
 * A machine's CPU, memory and disk limits as orbctl keeps them (`machine.NAME.cpu`, `.memory_mib`,
 * `.disk_bytes`, orbctl ≥ 2.2; docs/orbctl.md#config); null: no limit.
 */
export interface MachineLimits {
  cpus: number | null;
  memoryMib: number | null;
  diskBytes: number | null;
}

/** A machine's limits, or that this orbctl keeps none (before 2.2). */
export type MachineLimitsAnswer = { supported: false } | { supported: true; limits: MachineLimits };

/** What `orbctl ssh` / OrbStack's SSH set-up gives for reaching a machine. */
export interface SshDetails {
  host: string;
  port: number;
  user: string;
  /** `ssh USER@MACHINE@orb` form. */
  command: string;
  keyPath: string;
}

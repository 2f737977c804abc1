import { createHash } from 'node:crypto';

/** The simulated OrbStack version, for `orbctl version` and the version gates of docs/orbctl.md#version-gates. */
export interface SimVersion {
  text: string;
  major: number;
  minor: number;
  patch: number;
}

export function parseVersion(text: string): SimVersion | null {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  return {
    text: `${m[1]}.${m[2]}.${m[3] ?? '0'}`,
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3] ?? 0),
  };
}

/** True when `version` ≥ `min` (`"1.10.0"`). */
export function atLeast(version: SimVersion, min: string): boolean {
  const m = parseVersion(min);
  if (!m) throw new Error(`bad version literal ${min}`);
  if (version.major !== m.major) return version.major > m.major;
  if (version.minor !== m.minor) return version.minor > m.minor;
  return version.patch >= m.patch;
}

/** Gates, each with the release that introduced it (docs/orbctl.md#commands-and-argument-order, #info-json, #list-and-info-as-text, #failure-names, #version-gates). */
export const GATES = {
  /** clone/export/import commands; `info -f json` wrapper; `machine not found: 'NAME'` with the name; SIZE column. */
  cloneExportImport: '1.10.0',
  infoWrapper: '1.10.0',
  notFoundWithName: '1.10.0',
  listSizeColumn: '1.10.0',
  /** IP column of `list` (June 2025, in the v1.11.3 line). */
  listIpColumn: '1.11.3',
  isolated: '2.1.0',
  limits: '2.2.0',
} as const;

/** OrbStack's build code: 2.2.0 → 2020000 (major·10⁶ + minor·10⁴ + patch·10²). */
export function buildCode(v: SimVersion): number {
  return v.major * 1_000_000 + v.minor * 10_000 + v.patch * 100;
}

/** A stable fake commit hash for a version. */
export function commitHash(v: SimVersion): string {
  return createHash('sha1').update(`orbstack ${v.text}`).digest('hex');
}

/**
 * `orbctl version` (`Version: 2.2.0 (2020000)` / `Commit: <sha> (<describe>)`, docs/orbctl.md#version-output) and the gates
 * that follow from it: clone/export/import since 1.10.0, `create --isolated` since 2.1.0, per-machine
 * `--cpus/--memory/--disk` since 2.2.0 (docs/orbctl.md#commands-and-argument-order, #version-gates).
 */
import { AppError, type ErrorDetail } from '../../../shared/errors';
import type { OrbctlCapabilities, OrbctlVersion } from '../../../shared/machine';

export const FEATURE_MIN_VERSION = {
  clone: '1.10.0',
  export: '1.10.0',
  import: '1.10.0',
  isolated: '2.1.0',
  resourceLimits: '2.2.0',
} as const;
export type OrbctlFeature = keyof typeof FEATURE_MIN_VERSION;

const FEATURE_WORDS: Record<OrbctlFeature, string> = {
  clone: 'Cloning machines',
  export: 'Exporting machines',
  import: 'Importing machines',
  isolated: 'Isolated machines',
  resourceLimits: 'CPU, memory and disk limits per machine',
};

const VERSION_LINE = /^\s*Version:\s*v?(\d+)\.(\d+)(?:\.(\d+))?(\S*)(?:\s+\(([^)]*)\))?/m;
/** Last resort for a reworded output: the first dotted version anywhere. */
const ANY_VERSION = /\bv?(\d+)\.(\d+)(?:\.(\d+))?([-+][0-9A-Za-z.-]+)?/;
const COMMIT_LINE = /^\s*Commit:\s*(\S+)/m;

/** Parses `orbctl version`; unknown extra lines are ignored, the build code is optional. Null if no version. */
export function parseVersionOutput(stdout: string): OrbctlVersion | null {
  const m = VERSION_LINE.exec(stdout) ?? ANY_VERSION.exec(stdout);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3] ?? '0');
  const suffix = m[4] ?? '';
  const version: OrbctlVersion = { version: `${major}.${minor}.${patch}${suffix}`, major, minor, patch };
  if (m[5] !== undefined && m[5] !== '') version.build = m[5];
  const commit = COMMIT_LINE.exec(stdout)?.[1];
  if (commit !== undefined) version.commit = commit;
  return version;
}

export function parseVersionOrThrow(stdout: string, detail: ErrorDetail = {}): OrbctlVersion {
  const parsed = parseVersionOutput(stdout);
  if (parsed) return parsed;
  throw new AppError('BAD_OUTPUT', 'OrbDeck could not read the version orbctl printed.', {
    ...detail,
    stdout,
  });
}

/** Compares numeric parts only: a pre-release of 2.1.0 counts as 2.1.0 (features land in betas first). */
export function atLeast(v: Pick<OrbctlVersion, 'major' | 'minor' | 'patch'>, min: string): boolean {
  const [major = 0, minor = 0, patch = 0] = min.split('.').map(Number);
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}

export function capabilitiesOf(v: OrbctlVersion): OrbctlCapabilities {
  return {
    version: v.version,
    clone: atLeast(v, FEATURE_MIN_VERSION.clone),
    export: atLeast(v, FEATURE_MIN_VERSION.export),
    import: atLeast(v, FEATURE_MIN_VERSION.import),
    isolated: atLeast(v, FEATURE_MIN_VERSION.isolated),
    resourceLimits: atLeast(v, FEATURE_MIN_VERSION.resourceLimits),
  };
}

/** Throws UNSUPPORTED_VERSION naming the version needed and the one found. */
export function requireFeature(v: OrbctlVersion, feature: OrbctlFeature): void {
  const needed = FEATURE_MIN_VERSION[feature];
  if (atLeast(v, needed)) return;
  throw new AppError(
    'UNSUPPORTED_VERSION',
    `${FEATURE_WORDS[feature]} needs orbctl ${needed} or newer; the installed orbctl is ${v.version}.`,
    { notes: [`needs orbctl ${needed}`, `found orbctl ${v.version}`] },
  );
}

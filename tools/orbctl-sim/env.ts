import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { simError } from './failure';
import { parseVersion, type SimVersion } from './version';

/** Every knob of the simulator, read once from the environment (documented in docs/simulator.md). */
export interface SimEnv {
  /** State folder (ORBCTL_SIM_HOME). */
  home: string;
  /** Time multiplier (ORBCTL_SIM_SPEED): 1 = realistic, 50 = fifty times faster. */
  speed: number;
  /** Simulated OrbStack version (ORBCTL_SIM_VERSION). */
  version: SimVersion;
  /** The Mac's CPU architecture (ORBCTL_SIM_ARCH): decides the default and allowed `-a` values. */
  hostArch: 'arm64' | 'amd64';
  /** Export payload size factor (ORBCTL_SIM_EXPORT_SCALE), so tests can keep files small. */
  exportScale: number;
  /** Compressed size / disk size of an export (ORBCTL_SIM_EXPORT_RATIO). */
  compressionRatio: number;
  /**
   * Seed data (ORBCTL_SIM_SEED): `demo` fills an empty state folder with the demo machines; `demo:N` makes
   * N machines in all (the demo set, then generated ones), and tops an existing demo state up to N once.
   */
  seed: DemoSeed | null;
  /** Fault rules (ORBCTL_SIM_FAULT). */
  faults: string;
  /** The "macOS user": default username of new machines (ORBCTL_SIM_USER). */
  user: string;
  /** How long cloud-init runs after a create with `-c` (ORBCTL_SIM_CLOUD_INIT_MS); null: 3 s / speed. */
  cloudInitMs: number | null;
}

export interface DemoSeed {
  /** As written in ORBCTL_SIM_SEED; the state remembers the seed it was given. */
  text: string;
  /** How many machines in all; null: the demo set as it is. */
  machines: number | null;
}

/** Enough for the 1,000-machine figures of the benchmarks, with room. */
export const MAX_SEED_MACHINES = 5000;

export function parseSeed(raw: string): DemoSeed | null {
  if (raw === '') return null;
  if (raw === 'demo') return { text: raw, machines: null };
  const m = /^demo:(\d{1,5})$/.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEED_MACHINES)
    throw simError(
      `ORBCTL_SIM_SEED must be "demo", "demo:N" (N machines in all, 1 to ${MAX_SEED_MACHINES}) or empty, got "${raw}"`,
    );
  return { text: raw, machines: n };
}

function positiveNumber(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw simError(`${key} must be a positive number, got "${raw}"`);
  return value;
}

function defaultUser(): string {
  try {
    return userInfo().username || 'user';
  } catch {
    return 'user';
  }
}

export function readSimEnv(env: NodeJS.ProcessEnv = process.env): SimEnv {
  const user = env.ORBCTL_SIM_USER || defaultUser();
  const versionText = env.ORBCTL_SIM_VERSION || '2.2.0';
  const version = parseVersion(versionText);
  if (!version) throw simError(`ORBCTL_SIM_VERSION must look like 2.2.0, got "${versionText}"`);
  const arch = env.ORBCTL_SIM_ARCH || 'arm64';
  if (arch !== 'arm64' && arch !== 'amd64')
    throw simError(`ORBCTL_SIM_ARCH must be arm64 or amd64, got "${arch}"`);
  const seed = parseSeed(env.ORBCTL_SIM_SEED || '');
  const safeUser = user.replace(/[^a-zA-Z0-9._-]/g, '_');
  return {
    home: resolve(env.ORBCTL_SIM_HOME || join(tmpdir(), `orbctl-sim-${safeUser}`)),
    speed: positiveNumber(env, 'ORBCTL_SIM_SPEED', 1),
    version,
    hostArch: arch,
    exportScale: positiveNumber(env, 'ORBCTL_SIM_EXPORT_SCALE', 1),
    compressionRatio: positiveNumber(env, 'ORBCTL_SIM_EXPORT_RATIO', 0.4),
    seed,
    faults: env.ORBCTL_SIM_FAULT ?? '',
    user,
    cloudInitMs: env.ORBCTL_SIM_CLOUD_INIT_MS ? positiveNumber(env, 'ORBCTL_SIM_CLOUD_INIT_MS', 1) : null,
  };
}

/** `images.Archs()`: Apple silicon runs arm64 and amd64 (Rosetta); Intel runs amd64 and i386. */
export function supportedArchs(hostArch: SimEnv['hostArch']): string[] {
  return hostArch === 'arm64' ? ['arm64', 'amd64'] : ['amd64', 'i386'];
}

import type { DemoSeed, SimEnv } from './env';
import { parsePorts } from './inside/inside-knobs';
import { allocateIp4, initialDiskSize, makeIp6 } from './machines';
import type { SimState, StoredMachine } from './store/state';
import { ulid } from './ulid';

interface SeedMachine {
  name: string;
  distro: string;
  version: string;
  arch?: 'amd64';
  variant?: string;
  state: 'running' | 'stopped';
  user?: string;
  /** What listens in it (inside/inside-knobs.ts); fedora and web-server both serve 8080 on every address. */
  ports?: string;
}

/** The demo set (ORBCTL_SIM_SEED=demo): several distros, versions, both arches, both states. */
const DEMO: SeedMachine[] = [
  {
    name: 'ubuntu',
    distro: 'ubuntu',
    version: 'noble',
    state: 'running',
    ports: '53@127.0.0.53/systemd-resolve,3000/node',
  },
  { name: 'debian', distro: 'debian', version: 'bookworm', state: 'stopped' },
  {
    name: 'fedora',
    distro: 'fedora',
    version: '42',
    state: 'running',
    ports: '22/sshd,6379@127.0.0.1/redis-server,8080/java',
  },
  { name: 'alpine', distro: 'alpine', version: '3.22', state: 'stopped' },
  { name: 'arch-x86', distro: 'archlinux', version: 'current', arch: 'amd64', state: 'stopped' },
  {
    name: 'web-server',
    distro: 'ubuntu',
    version: 'jammy',
    variant: 'cloud',
    state: 'running',
    user: 'ubuntu',
    ports: '80/nginx,443/nginx,8080/node',
  },
  { name: 'nixos', distro: 'nixos', version: '25.05', state: 'stopped' },
];

/** Fills an empty state with the demo machines; the first (ubuntu, running) is the default. */
export function seedDemo(
  env: SimEnv,
  seed: DemoSeed | null = env.seed,
): (state: SimState, now: number) => void {
  return (state, now) => {
    const demo = seed?.machines ? DEMO.slice(0, seed.machines) : DEMO;
    demo.forEach((s, i) => {
      // Ids a few days apart and in order, as if made over time.
      const id = ulid(now - (demo.length - i) * 86_400_000);
      const machine: StoredMachine = {
        id,
        name: s.name,
        image: {
          distro: s.distro,
          version: s.version,
          arch: s.arch ?? env.hostArch,
          variant: s.variant ?? 'default',
        },
        config: { isolated: false, default_username: s.user ?? env.user },
        state: s.state,
        disk_size: initialDiskSize(s.distro, s.variant ?? 'default', id),
        ip4: allocateIp4(state),
        ip6: makeIp6(),
        created_at: now - (demo.length - i) * 86_400_000,
        ...(s.ports ? { inside: { ports: parsePorts(s.ports) } } : {}),
      };
      state.machines.push(machine);
    });
    state.default_id = state.machines[0]?.id ?? null;
    state.images = demo.map((s) => `${s.distro}:${s.version}:${s.arch ?? env.hostArch}`);
    if (seed) topUp(env, seed)(state, now);
  };
}

const WORKERS: ReadonlyArray<Pick<SeedMachine, 'distro' | 'version'>> = [
  { distro: 'ubuntu', version: 'noble' },
  { distro: 'debian', version: 'bookworm' },
  { distro: 'fedora', version: '42' },
  { distro: 'alpine', version: '3.22' },
];

/** Whether `demo:N` still has to be applied to this state (once: machines deleted later stay deleted). */
export function needsTopUp(seed: DemoSeed | null, state: SimState): boolean {
  return !!seed?.machines && state.seed !== seed.text;
}

/**
 * `demo:N`: generated machines (`worker-001`, … every third running, four distros) until there are N in all,
 * then the state remembers the seed. One knob for a list of hundreds, where hundreds of `__sim add` took minutes.
 */
export function topUp(env: SimEnv, seed: DemoSeed): (state: SimState, now: number) => void {
  return (state, now) => {
    const names = new Set(state.machines.map((m) => m.name));
    for (let i = 1; state.machines.length < (seed.machines ?? 0); i++) {
      const name = `worker-${String(i).padStart(3, '0')}`;
      if (names.has(name)) continue;
      const kind = WORKERS[i % WORKERS.length]!;
      const id = ulid(now - i * 1000);
      state.machines.push({
        id,
        name,
        image: { distro: kind.distro, version: kind.version, arch: env.hostArch, variant: 'default' },
        config: { isolated: false, default_username: env.user },
        state: i % 3 === 0 ? 'running' : 'stopped',
        disk_size: initialDiskSize(kind.distro, 'default', id),
        // Past the demo machines' 198.19.249.0/24, one address each.
        ip4: `198.19.${10 + Math.floor(i / 250)}.${2 + (i % 250)}`,
        ip6: makeIp6(),
        created_at: now - i * 1000,
      });
    }
    state.seed = seed.text;
  };
}

import type { SimEnv } from './env';
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
export function seedDemo(env: SimEnv): (state: SimState, now: number) => void {
  return (state, now) => {
    DEMO.forEach((seed, i) => {
      // Ids a few days apart and in order, as if made over time.
      const id = ulid(now - (DEMO.length - i) * 86_400_000);
      const machine: StoredMachine = {
        id,
        name: seed.name,
        image: {
          distro: seed.distro,
          version: seed.version,
          arch: seed.arch ?? env.hostArch,
          variant: seed.variant ?? 'default',
        },
        config: { isolated: false, default_username: seed.user ?? env.user },
        state: seed.state,
        disk_size: initialDiskSize(seed.distro, seed.variant ?? 'default', id),
        ip4: allocateIp4(state),
        ip6: makeIp6(),
        created_at: now - (DEMO.length - i) * 86_400_000,
        ...(seed.ports ? { inside: { ports: parsePorts(seed.ports) } } : {}),
      };
      state.machines.push(machine);
    });
    state.default_id = state.machines[0]?.id ?? null;
    state.images = DEMO.map((s) => `${s.distro}:${s.version}:${s.arch ?? env.hostArch}`);
  };
}

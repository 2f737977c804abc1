import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distroByCli, distroByImage, resolveVersion } from '../../../shared/distros';
import type { SimEnv } from '../env';
import { simError } from '../failure';
import { parseFaults, FaultSyntaxError } from '../faults';
import { allocateIp4, findMachine, initialDiskSize, makeIp6 } from '../machines';
import { applyInsideSetting } from '../inside/inside-knobs';
import { goJson, type Output } from '../output';
import { parseSeed } from '../env';
import { seedDemo } from '../seed';
import { makeTransition, type SimState, type StoredMachine } from '../store/state';
import type { StateStore } from '../store/store';
import { ulid } from '../ulid';

export const HIDDEN_HELP = `orbctl-sim __sim: test and demo helpers (not part of orbctl)

  __sim home                          print the state folder
  __sim dump                          print the whole state as JSON (transitions resolved)
  __sim reset                         delete all state (machines, files, stored faults)
  __sim seed demo[:N]                 add the demo machines, N in all (the state must be empty)
  __sim add NAME DISTRO[:VER] [k=v…]  add a machine at once; keys as for "set", default state=running
  __sim set NAME|ID k=v…              change a machine: state, disk_size (bytes or null), ip4, ip6,
                                      username, isolated, distro, version, arch, variant; inside it:
                                      ports (PORT[@ADDRESS]/PROGRAM,…), ipv6 (on|off), fs_total
                                      (bytes), root (ro|rw), cpu (percent), proc (garbled|normal)
  __sim vm running|stopped|starting[:MS]
                                      set OrbStack's own state; starting:MS becomes running after MS ms
  __sim fault [RULES]                 store fault rules for every later call (no RULES: clear them)
`;

function keyValues(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw simError(`expected key=value, got "${pair}"`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

function applySettings(m: StoredMachine, values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) {
    switch (key) {
      case 'state':
        m.state = value;
        delete m.transition;
        break;
      case 'disk_size':
        if (value !== 'null' && !/^\d+$/.test(value)) throw simError(`disk_size must be bytes or null`);
        m.disk_size = value === 'null' ? null : Number(value);
        break;
      case 'ip4':
      case 'ip6':
        m[key] = value;
        break;
      case 'username':
        m.config.default_username = value;
        break;
      case 'isolated':
        m.config.isolated = value === 'true';
        break;
      case 'distro':
        m.image.distro = distroByCli(value)?.image ?? value;
        break;
      case 'version':
      case 'arch':
      case 'variant':
        m.image[key] = value;
        break;
      default:
        if (!applyInsideSetting(m, key, value)) throw simError(`unknown machine key "${key}"`);
    }
  }
}

function addMachine(env: SimEnv, state: SimState, now: number, args: string[]): void {
  const [name, image, ...pairs] = args;
  if (!name || !image) throw simError('usage: __sim add NAME DISTRO[:VERSION] [key=value…]');
  if (state.machines.some((m) => m.name === name)) throw simError(`machine "${name}" exists`);
  const [word, version] = image.split(':') as [string, string | undefined];
  const distro = distroByCli(word) ?? distroByImage(word);
  if (!distro) throw simError(`unknown distro "${word}"`);
  const id = ulid(now);
  const m: StoredMachine = {
    id,
    name,
    image: {
      distro: distro.image,
      version: resolveVersion(distro, version),
      arch: env.hostArch,
      variant: distro.variant,
    },
    config: { isolated: false, default_username: env.user },
    state: 'running',
    disk_size: initialDiskSize(distro.image, distro.variant, id),
    ip4: allocateIp4(state),
    ip6: makeIp6(),
    created_at: now,
  };
  applySettings(m, keyValues(pairs));
  if (state.machines.length === 0) state.default_id = id;
  state.machines.push(m);
}

/** `orbctl-sim __sim …`: set up and inspect state without the delays and rules of the real commands. */
export async function hidden(
  args: string[],
  env: SimEnv,
  store: StateStore,
  output: Output,
): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'home':
      output.out(`${env.home}\n`);
      return 0;
    case 'dump':
      output.out(goJson(await store.read()));
      return 0;
    case 'reset':
      mkdirSync(env.home, { recursive: true });
      await store.reset();
      return 0;
    case 'seed':
      if (!rest[0]?.startsWith('demo')) throw simError('usage: __sim seed demo[:N]');
      {
        const seed = parseSeed(rest[0]);
        await store.update((state, now) => {
          if (state.machines.length > 0) throw simError('the state is not empty; run "__sim reset" first');
          seedDemo(env, seed)(state, now);
        });
      }
      return 0;
    case 'add':
      await store.update((state, now) => addMachine(env, state, now, rest));
      return 0;
    case 'set': {
      const [key, ...pairs] = rest;
      if (!key) throw simError('usage: __sim set NAME k=v…');
      const values = keyValues(pairs);
      await store.update((state) => {
        const found = findMachine(state, key, env.hostArch);
        if (!found || found.builtin) throw simError(`no machine "${key}"`);
        applySettings(found.machine, values);
      });
      return 0;
    }
    case 'vm': {
      const [vmState, ms] = (rest[0] ?? '').split(':');
      if (!['running', 'stopped', 'starting'].includes(vmState ?? ''))
        throw simError('usage: __sim vm running|stopped|starting[:MS]');
      await store.update((state, now) => {
        delete state.vm.transition;
        state.vm.state = vmState as string;
        if (vmState === 'starting' && ms !== undefined) {
          state.vm.transition = makeTransition('start', now, [['starting', Number(ms)]], 'running');
        }
      });
      return 0;
    }
    case 'fault': {
      const rules = rest.join(',');
      try {
        parseFaults(rules);
      } catch (err) {
        if (err instanceof FaultSyntaxError) throw simError(`bad fault rule ${err.message}`);
        throw err;
      }
      mkdirSync(env.home, { recursive: true });
      const path = join(env.home, 'faults');
      if (rules === '') rmSync(path, { force: true });
      else writeFileSync(path, `${rules}\n`);
      return 0;
    }
    case 'faults':
      try {
        output.out(readFileSync(join(env.home, 'faults'), 'utf8'));
      } catch {
        // none stored
      }
      return 0;
    case undefined:
    case 'help':
      output.out(HIDDEN_HELP);
      return 0;
    default:
      throw simError(`unknown __sim command "${sub}"\n${HIDDEN_HELP}`);
  }
}

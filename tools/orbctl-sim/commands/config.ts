import { cpus } from 'node:os';
import { UsageError, checkArgs, parseArgs } from '../cli/parse-args';
import type { Handler } from '../cli/specs';
import type { Ctx } from '../context';
import type { SimFailure } from '../failure';
import { plainError } from '../failure';
import { findMachine, notFoundError } from '../machines';
import type { SimState, StoredMachine } from '../store/state';
import { GATES, atLeast } from '../version';
import { ensureVm } from '../vm';

/** Global settings and their defaults (a plausible subset of OrbStack's; S2 quotes cpu, memory_mib, subnet). */
export function defaultSettings(): Record<string, string> {
  return {
    'app.start_at_login': 'false',
    cpu: String(Math.max(1, cpus().length)),
    'k8s.enable': 'false',
    memory_mib: '8192',
    mount_hide_shared: 'false',
    'network.subnet4': '192.168.138.0/23',
    network_proxy: 'auto',
    rosetta: 'true',
    'setup.use_admin': 'true',
  };
}

const BOOL_KEYS = ['app.start_at_login', 'k8s.enable', 'mount_hide_shared', 'rosetta', 'setup.use_admin'];
const INT_KEYS = ['cpu', 'memory_mib'];

/** `machine.NAME.PROP`, where NAME may contain dots and may be written quoted (`machine."a.b".username`). */
export function parseMachineKey(key: string): { name: string; prop: string } | null {
  if (!key.startsWith('machine.')) return null;
  const body = key.slice('machine.'.length);
  const dot = body.lastIndexOf('.');
  if (dot <= 0) return null;
  let name = body.slice(0, dot);
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1);
  return { name, prop: body.slice(dot + 1) };
}

const LIMIT_PROPS = ['cpu', 'memory_mib', 'disk_bytes'] as const;

function machineProps(ctx: Ctx): string[] {
  return atLeast(ctx.env.version, GATES.limits) ? ['username', ...LIMIT_PROPS] : ['username'];
}

function machineValue(m: StoredMachine, prop: string): string | null {
  if (prop === 'username') return m.config.default_username;
  const limit = m.limits?.[prop as (typeof LIMIT_PROPS)[number]];
  return limit === undefined ? null : String(limit);
}

/** `config show`: sorted `key: value` lines; names with a dot are quoted. */
function showLines(ctx: Ctx, state: SimState): string[] {
  const entries: [string, string][] = Object.entries({ ...defaultSettings(), ...state.settings });
  for (const m of state.machines) {
    const name = m.name.includes('.') ? `"${m.name}"` : m.name;
    for (const prop of machineProps(ctx)) {
      const value = machineValue(m, prop);
      if (value !== null) entries.push([`machine.${name}.${prop}`, value]);
    }
  }
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}: ${v}`);
}

const unknownKey = (key: string): SimFailure => plainError(`unknown config key: ${key}`);

async function getKey(ctx: Ctx, key: string): Promise<string> {
  const mk = parseMachineKey(key);
  if (mk) {
    if (!machineProps(ctx).includes(mk.prop)) throw unknownKey(key);
    await ensureVm(ctx);
    const found = findMachine(await ctx.store.read(), mk.name, ctx.env.hostArch);
    if (!found) throw notFoundError(mk.name, ctx.env.version);
    return machineValue(found.machine, mk.prop) ?? '';
  }
  const state = await ctx.store.read();
  const value = { ...defaultSettings(), ...state.settings }[key];
  if (value === undefined) throw unknownKey(key);
  return value;
}

async function setKey(ctx: Ctx, key: string, value: string): Promise<void> {
  const mk = parseMachineKey(key);
  if (mk) {
    if (!machineProps(ctx).includes(mk.prop)) throw unknownKey(key);
    if (mk.prop !== 'username' && !/^\d+$/.test(value))
      throw plainError(`invalid value for ${key}: ${value}`);
    await ensureVm(ctx);
    await ctx.store.update((state) => {
      const found = findMachine(state, mk.name, ctx.env.hostArch);
      if (!found || found.builtin) throw notFoundError(mk.name, ctx.env.version);
      if (mk.prop === 'username') found.machine.config.default_username = value;
      else found.machine.limits = { ...found.machine.limits, [mk.prop]: Number(value) };
    });
    return;
  }
  if (!(key in defaultSettings())) throw unknownKey(key);
  if (BOOL_KEYS.includes(key) && value !== 'true' && value !== 'false') {
    throw plainError(`invalid value for ${key}: ${value}`);
  }
  if (INT_KEYS.includes(key) && !/^\d+$/.test(value)) throw plainError(`invalid value for ${key}: ${value}`);
  await ctx.store.update((state) => {
    state.settings[key] = value;
  });
}

const HELP =
  'Change OrbStack settings.\n\nUsage:\n  orbctl config [command]\n\nAvailable Commands:\n' +
  '  docker      Edit Docker engine configuration\n  get         Get a setting\n' +
  '  reset       Reset all settings\n  set         Change a setting\n  show        Show all settings\n';

/** `orbctl config show | get KEY | set KEY VALUE | reset` (config_*.go). */
export const config: Handler = async (ctx, args) => {
  const [sub, ...rest] = args.positionals;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    ctx.output.out(HELP);
    return 0;
  }
  const rules = { show: 0, get: 1, set: 2, reset: 0, docker: 0 } as const;
  if (!(sub in rules)) throw new UsageError(`unknown command "${sub}" for "orbctl config"`);
  const parsed = parseArgs(rest, []);
  if (parsed.flags.help === true) {
    ctx.output.out(HELP);
    return 0;
  }
  checkArgs(
    { kind: 'exact', n: rules[sub as keyof typeof rules] },
    parsed.positionals,
    `orbctl config ${sub}`,
  );
  const [key, value] = parsed.positionals as [string, string];
  switch (sub) {
    case 'show':
      await ensureVm(ctx);
      ctx.output.out(
        showLines(ctx, await ctx.store.read())
          .map((l) => `${l}\n`)
          .join(''),
      );
      return 0;
    case 'get':
      ctx.output.out(`${await getKey(ctx, key)}\n`);
      return 0;
    case 'set':
      await setKey(ctx, key, value);
      return 0;
    case 'reset':
      await ctx.store.update((state) => {
        state.settings = {};
      });
      return 0;
    default:
      throw plainError('orbctl-sim: "config docker" opens an editor and is not simulated');
  }
};

import { UsageError } from '../cli/parse-args';
import type { Handler } from '../cli/specs';
import { infoText, listText } from '../format';
import { findMachine, infoJson, notFoundError, recordJson } from '../machines';
import { goJson } from '../output';
import type { StoredMachine } from '../store/state';
import { ensureVm } from '../vm';

/** Go's strings.Compare on names: byte order, which is how orbctl sorts the list. */
export function byName(a: StoredMachine, b: StoredMachine): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** `orbctl list [-r] [-q] [-f text|json]` (docs/orbctl.md#list-json, #list-and-info-as-text). */
export const list: Handler = async (ctx, args) => {
  await ensureVm(ctx);
  const state = await ctx.store.read();
  let machines = [...state.machines].sort(byName);
  if (args.flags.running === true) machines = machines.filter((m) => m.state === 'running');
  // -q wins over -f.
  if (args.flags.quiet === true) {
    ctx.output.out(machines.map((m) => `${m.name}\n`).join(''));
    return 0;
  }
  const format = String(args.flags.format ?? 'text');
  if (format === 'json') ctx.output.out(goJson(machines.map((m) => recordJson(m))));
  else if (format === 'text') ctx.output.out(listText(machines, ctx.env.version, ctx.output.stdoutIsTTY));
  else throw new UsageError(`invalid format: ${format}`);
  return 0;
};

/** `orbctl info NAME [-f json]` (docs/orbctl.md#info-json, #list-and-info-as-text); an unknown format falls back to text. */
export const info: Handler = async (ctx, args) => {
  const key = args.positionals[0] as string;
  await ensureVm(ctx);
  const state = await ctx.store.read();
  const found = findMachine(state, key, ctx.env.hostArch);
  if (!found) throw notFoundError(key, ctx.env.version);
  const { machine, builtin } = found;
  if (args.flags.format === 'json') ctx.output.out(goJson(infoJson(machine, builtin, ctx.env.version)));
  else ctx.output.out(infoText(machine, builtin, ctx.env.version));
  return 0;
};

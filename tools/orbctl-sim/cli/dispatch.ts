import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCtx } from '../context';
import { readSimEnv, type SimEnv } from '../env';
import { SimFailure, simError } from '../failure';
import { FaultSet, FaultSyntaxError, parseFaults } from '../faults';
import { colorsEnabled, red, type Output } from '../output';
import { needsTopUp, seedDemo, topUp } from '../seed';
import type { SimProcess } from '../sim-process';
import type { SimState } from '../store/state';
import { sleep } from '../timing';
import { StateStore } from '../store/store';
import { atLeast } from '../version';
import { UsageError, checkArgs, findCommandIndex, parseArgs, type FlagSpec } from './parse-args';
import { canonicalCommand } from './command-words';
import { COMMANDS, type CommandSpec } from './specs';
import { helpText, rootHelp, usageText } from './usage';

/** The state folder of `env`, waiting for its lock with `proc`'s timers (plain timers when there is none). */
export function makeStore(env: SimEnv, proc?: Pick<SimProcess, 'sleep' | 'assertRunning'>): StateStore {
  return new StateStore(env.home, {
    sleep: proc ? (ms) => proc.sleep(ms) : sleep,
    now: () => Date.now(),
    ...(proc ? { assertRunning: () => proc.assertRunning() } : {}),
    ...(env.seed
      ? {
          seed: seedDemo(env),
          ...(env.seed.machines
            ? { topUp: { needed: (s: SimState) => needsTopUp(env.seed, s), apply: topUp(env, env.seed) } }
            : {}),
        }
      : {}),
  });
}

/** Rules from ORBCTL_SIM_FAULT plus those stored with `__sim fault` (so a running app can be faulted). */
export function loadFaults(env: SimEnv): FaultSet {
  let stored = '';
  try {
    stored = readFileSync(join(env.home, 'faults'), 'utf8');
  } catch {
    // no stored rules
  }
  try {
    return new FaultSet([...parseFaults(env.faults), ...parseFaults(stored.trim())]);
  } catch (err) {
    if (err instanceof FaultSyntaxError) throw simError(`bad fault rule ${err.message}`);
    throw err;
  }
}

/** Levenshtein distance, for cobra's "Did you mean this?". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function unknownCommand(word: string, available: readonly CommandSpec[]): string {
  const lower = word.toLowerCase();
  const suggestions = available
    .map((c) => c.name)
    .filter((n) => distance(lower, n) <= 2 || n.startsWith(lower));
  const hint =
    suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `Error: unknown command "${word}" for "orbctl"${hint}\nRun 'orbctl --help' for usage.\n`;
}

function printFailure(output: Output, failure: SimFailure): number {
  const text = `${red(failure.text, colorsEnabled(output))}\n`;
  if (failure.stream === 'stdout') output.out(text);
  else output.err(text);
  return failure.exitCode;
}

/** Runs one orbctl invocation in `proc`; returns the exit code. */
export async function dispatch(argv: readonly string[], output: Output, proc: SimProcess): Promise<number> {
  try {
    const env = readSimEnv(proc.env);
    if (argv[0] === '__sim') {
      const { hidden } = await import('../commands/hidden');
      return await hidden(argv.slice(1), env, makeStore(env, proc), output);
    }
    return await dispatchCommand(argv, env, output, proc);
  } catch (err) {
    if (err instanceof SimFailure) return printFailure(output, err);
    throw err;
  }
}

async function dispatchCommand(
  argv: readonly string[],
  env: SimEnv,
  output: Output,
  proc: SimProcess,
): Promise<number> {
  const available = COMMANDS.filter((c) => !c.minVersion || atLeast(env.version, c.minVersion));
  const index = findCommandIndex(argv);
  if (index === -1) {
    try {
      const parsed = parseArgs(argv, []);
      if (parsed.positionals.length > 0) {
        output.err(unknownCommand(parsed.positionals[0] as string, available));
        return 1;
      }
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      output.err(`Error: ${err.message}\n${rootHelp(available)}\n`);
      return 1;
    }
    output.out(rootHelp(available));
    return 0;
  }
  const word = argv[index] as string;
  const rest = [...argv.slice(0, index), ...argv.slice(index + 1)];
  if (word === 'help') {
    const target = available.find((c) => c.name === canonicalCommand(rest[0] ?? ''));
    output.out(target ? helpText(target, target.flags) : rootHelp(available));
    return 0;
  }
  const name = canonicalCommand(word);
  const spec = available.find((c) => c.name === name);
  if (!spec) {
    output.err(unknownCommand(word, available));
    return 1;
  }
  const flags: FlagSpec[] = spec.flags.filter((f) => !f.minVersion || atLeast(env.version, f.minVersion));
  let parsed;
  try {
    if (spec.rawArgs) parsed = { flags: {}, positionals: rest, afterDash: null };
    else {
      parsed = parseArgs(rest, flags);
      if (parsed.flags.help === true) {
        output.out(helpText(spec, flags));
        return 0;
      }
      checkArgs(spec.args, parsed.positionals, `orbctl ${spec.name}`);
    }
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    output.err(`Error: ${err.message}\n${usageText(spec, flags)}\n`);
    return 1;
  }

  const names = [...parsed.positionals];
  for (const key of ['machine', 'name']) {
    const value = parsed.flags[key];
    if (typeof value === 'string') names.push(value);
  }
  const faults = loadFaults(env);
  const store = makeStore(env, proc);
  const ctx = createCtx({ env, proc, output, store, faults, command: spec.name, names });
  if (faults.find('hang', spec.name, names)) await proc.sleepForever();
  const code = await runHandler(spec, ctx, parsed, flags);
  if (faults.find('hang-after', spec.name, names)) await proc.sleepForever();
  return code;
}

async function runHandler(
  spec: CommandSpec,
  ctx: ReturnType<typeof createCtx>,
  parsed: ReturnType<typeof parseArgs>,
  flags: FlagSpec[],
): Promise<number> {
  try {
    if (!spec.failsInside) {
      // Quick commands: a `slow` fault delays the call, then `crash`/`fail` strike before any work.
      await ctx.sleep(ctx.opMs(0));
      if (ctx.crashAt() !== null) ctx.proc.crash();
      ctx.checkFail(ctx.names[0] ?? '');
    }
    const handler = await spec.load();
    return (await handler(ctx, parsed)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.output.err(`Error: ${err.message}\n${usageText(spec, flags)}\n`);
      return 1;
    }
    if (err instanceof SimFailure) return printFailure(ctx.output, err);
    throw err;
  }
}

/**
 * A pflag-compatible flag parser (the library cobra uses), so the simulator accepts and refuses exactly what
 * orbctl does: flags before or after positionals, `--flag=value`, `--flag value`, `-fvalue`, `-f=value`,
 * grouped bool shorthands (`-af`), `--` ending flags, and pflag's error texts.
 */

export type FlagKind = 'bool' | 'string' | 'int';

export interface FlagSpec {
  /** Long name without dashes. */
  name: string;
  short?: string;
  kind: FlagKind;
  usage: string;
  /** Shown after the flag in help (`--format string`). Defaults to the kind. */
  valueName?: string;
  defaultText?: string;
}

export type FlagValue = string | boolean | number;

export interface ParsedArgs {
  flags: Record<string, FlagValue>;
  positionals: string[];
  /** Positionals seen after a `--`. */
  afterDash: number | null;
}

/** A usage error: cobra prints `Error: <message>` and the command's usage, then exits 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', kind: 'bool', usage: 'help for {cmd}' };

/** Go's strconv.ParseBool. */
function parseGoBool(text: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return null;
}

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, text: string): FlagValue {
  if (spec.kind === 'bool') {
    const value = parseGoBool(text);
    if (value === null) {
      throw new UsageError(
        `invalid argument "${text}" for "${flagLabel(spec)}" flag: strconv.ParseBool: parsing "${text}": invalid syntax`,
      );
    }
    return value;
  }
  if (spec.kind === 'int') {
    if (!/^[+-]?\d+$/.test(text)) {
      throw new UsageError(
        `invalid argument "${text}" for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`,
      );
    }
    return parseInt(text, 10);
  }
  return text;
}

/** Parses `args` (the command name already removed) against `specs` (plus -h/--help). */
export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const all = [...specs, HELP_FLAG];
  const byLong = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags: Record<string, FlagValue> = {};
  const positionals: string[] = [];
  let afterDash: number | null = null;
  const rest = [...args];

  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (arg === '--') {
      afterDash = positionals.length;
      positionals.push(...rest);
      break;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      positionals.push(arg);
      continue;
    }
    if (arg[1] === '-') {
      const body = arg.slice(2);
      if (body.length === 0 || body[0] === '-' || body[0] === '=')
        throw new UsageError(`bad flag syntax: ${arg}`);
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      const spec = byLong.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      if (eq !== -1) flags[spec.name] = convert(spec, body.slice(eq + 1));
      else if (spec.kind === 'bool') flags[spec.name] = true;
      else if (rest.length > 0) flags[spec.name] = convert(spec, rest.shift() as string);
      else throw new UsageError(`flag needs an argument: --${name}`);
      continue;
    }
    // Shorthands: each letter is a flag until one takes a value (the rest of the word, or the next argument).
    let letters = arg.slice(1);
    while (letters.length > 0) {
      const letter = letters[0] as string;
      const spec = byShort.get(letter);
      if (!spec) throw new UsageError(`unknown shorthand flag: '${letter}' in ${arg}`);
      if (letters.length > 2 && letters[1] === '=') {
        flags[spec.name] = convert(spec, letters.slice(2));
        break;
      }
      if (spec.kind === 'bool') {
        flags[spec.name] = true;
        letters = letters.slice(1);
        continue;
      }
      if (letters.length > 1) flags[spec.name] = convert(spec, letters.slice(1));
      else if (rest.length > 0) flags[spec.name] = convert(spec, rest.shift() as string);
      else throw new UsageError(`flag needs an argument: '${letter}' in ${arg}`);
      break;
    }
  }
  return { flags, positionals, afterDash };
}

/** cobra's positional-argument validators and their messages. */
export type ArgRule =
  | { kind: 'none' }
  | { kind: 'any' }
  | { kind: 'exact'; n: number }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'max'; n: number }
  | { kind: 'min'; n: number };

export function checkArgs(rule: ArgRule, positionals: readonly string[], commandPath: string): void {
  const got = positionals.length;
  switch (rule.kind) {
    case 'none':
      if (got > 0) throw new UsageError(`unknown command "${positionals[0]}" for "${commandPath}"`);
      return;
    case 'any':
      return;
    case 'exact':
      if (got !== rule.n) throw new UsageError(`accepts ${rule.n} arg(s), received ${got}`);
      return;
    case 'range':
      if (got < rule.min || got > rule.max) {
        throw new UsageError(`accepts between ${rule.min} and ${rule.max} arg(s), received ${got}`);
      }
      return;
    case 'max':
      if (got > rule.n) throw new UsageError(`accepts at most ${rule.n} arg(s), received ${got}`);
      return;
    case 'min':
      if (got < rule.n) throw new UsageError(`requires at least ${rule.n} arg(s), only received ${got}`);
      return;
  }
}

/**
 * cobra finds the subcommand before parsing flags: the first word that is not a flag (or the value of a flag
 * that takes one). The root has no flags of its own except -h, so any other `-x` is assumed to take a value,
 * as cobra's stripFlags does. Returns the index of the command word, or -1.
 */
export function findCommandIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    const isHelp = arg === '-h' || arg === '--help';
    if (!isHelp && !arg.includes('=') && (arg.startsWith('--') || arg.length === 2)) i++;
  }
  return -1;
}

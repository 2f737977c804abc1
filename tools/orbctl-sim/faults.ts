import { canonicalCommand } from './cli/command-words';

/**
 * Fault injection (ORBCTL_SIM_FAULT, and `__sim fault` which stores rules in the state folder). Rules are
 * comma-separated (`\,` for a literal comma); each is `KIND[:…]`:
 *
 *   not-running[:vm|:services]      OrbStack is stopped and cannot start
 *   hang:CMD[@NAME]                 sleep until killed, before doing anything
 *   hang-after:CMD[@NAME]           do the work, then sleep until killed (the create that never returns)
 *   fail:CMD[@NAME][:EXIT][:TEXT]   fail where the daemon would, with TEXT (default: a realistic message)
 *   crash:CMD[@NAME][:FRACTION]     die by SIGKILL part-way (default 0.5); an export leaves its partial file
 *   slow:CMD[@NAME]:MS              MS extra real milliseconds (not scaled by the speed)
 *
 * CMD is a command word or alias (`create`, `add`, `export` …) or `*`. `@NAME` limits the rule to calls that
 * name that machine. TEXT may contain `{name}`.
 */

export interface FaultTarget {
  command: string;
  machine: string | null;
}

export type FaultRule =
  | { kind: 'not-running'; reason: 'vm' | 'services' }
  | { kind: 'hang' | 'hang-after'; target: FaultTarget }
  | { kind: 'fail'; target: FaultTarget; exitCode: number; message: string | null }
  | { kind: 'crash'; target: FaultTarget; at: number }
  | { kind: 'slow'; target: FaultTarget; ms: number };

export class FaultSyntaxError extends Error {
  override readonly name = 'FaultSyntaxError';
}

/** Splits on commas not preceded by a backslash, unescaping `\,`. */
export function splitRules(text: string): string[] {
  const rules: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === ',') {
      current += ',';
      i++;
    } else if (c === ',') {
      rules.push(current);
      current = '';
    } else current += c;
  }
  rules.push(current);
  return rules.map((r) => r.trim()).filter((r) => r.length > 0);
}

function parseTarget(text: string | undefined, rule: string): FaultTarget {
  if (!text) throw new FaultSyntaxError(`"${rule}": a command is missing`);
  const at = text.indexOf('@');
  const word = at === -1 ? text : text.slice(0, at);
  const machine = at === -1 ? null : text.slice(at + 1);
  if (machine === '') throw new FaultSyntaxError(`"${rule}": a machine name is missing after @`);
  if (word === '*') return { command: '*', machine };
  const command = canonicalCommand(word);
  if (!command) throw new FaultSyntaxError(`"${rule}": unknown command "${word}"`);
  return { command, machine };
}

export function parseFaultRule(rule: string): FaultRule {
  const parts = rule.split(':');
  const kind = parts[0];
  switch (kind) {
    case 'not-running': {
      const reason = parts[1] ?? 'vm';
      if (reason !== 'vm' && reason !== 'services') {
        throw new FaultSyntaxError(`"${rule}": expected not-running, not-running:vm or not-running:services`);
      }
      return { kind, reason };
    }
    case 'hang':
    case 'hang-after':
      if (parts.length > 2) throw new FaultSyntaxError(`"${rule}": ${kind} takes only a command`);
      return { kind, target: parseTarget(parts[1], rule) };
    case 'fail': {
      const target = parseTarget(parts[1], rule);
      let rest = parts.slice(2);
      let exitCode = 1;
      if (rest.length > 0 && /^\d+$/.test(rest[0] as string)) {
        exitCode = Number(rest[0]);
        rest = rest.slice(1);
      }
      const message = rest.length > 0 ? rest.join(':') : null;
      return { kind, target, exitCode, message };
    }
    case 'crash': {
      const target = parseTarget(parts[1], rule);
      const at = parts[2] === undefined ? 0.5 : Number(parts[2]);
      if (!(at >= 0 && at <= 1) || parts.length > 3) {
        throw new FaultSyntaxError(`"${rule}": the crash point must be a fraction between 0 and 1`);
      }
      return { kind, target, at };
    }
    case 'slow': {
      const target = parseTarget(parts[1], rule);
      const ms = Number(parts[2]);
      if (parts[2] === undefined || !Number.isFinite(ms) || ms < 0 || parts.length > 3) {
        throw new FaultSyntaxError(`"${rule}": expected slow:CMD:MILLISECONDS`);
      }
      return { kind, target, ms };
    }
    default:
      throw new FaultSyntaxError(
        `"${rule}": unknown fault "${kind}" (known: not-running, hang, hang-after, fail, crash, slow)`,
      );
  }
}

export function parseFaults(text: string): FaultRule[] {
  return splitRules(text).map(parseFaultRule);
}

/** The rules that apply to one call: a command and the machine names it mentions. */
export class FaultSet {
  constructor(readonly rules: readonly FaultRule[]) {}

  private matches(target: FaultTarget, command: string, names: readonly string[]): boolean {
    if (target.command !== '*' && target.command !== command) return false;
    return target.machine === null || names.includes(target.machine);
  }

  notRunning(): 'vm' | 'services' | null {
    for (const r of this.rules) if (r.kind === 'not-running') return r.reason;
    return null;
  }

  find<K extends Exclude<FaultRule['kind'], 'not-running'>>(
    kind: K,
    command: string,
    names: readonly string[],
  ): Extract<FaultRule, { kind: K }> | null {
    for (const r of this.rules) {
      if (r.kind === kind && 'target' in r && this.matches(r.target, command, names)) {
        return r as Extract<FaultRule, { kind: K }>;
      }
    }
    return null;
  }

  /** Total extra real milliseconds from `slow` rules. */
  extraMs(command: string, names: readonly string[]): number {
    let total = 0;
    for (const r of this.rules)
      if (r.kind === 'slow' && this.matches(r.target, command, names)) total += r.ms;
    return total;
  }
}

import { describe, expect, it } from 'vitest';
import { UsageError, checkArgs, findCommandIndex, parseArgs, type FlagSpec } from './parse-args';

const flags: FlagSpec[] = [
  { name: 'arch', short: 'a', kind: 'string', usage: '' },
  { name: 'all', short: 'A', kind: 'bool', usage: '' },
  { name: 'force', short: 'f', kind: 'bool', usage: '' },
  { name: 'format', short: 'o', kind: 'string', usage: '' },
  { name: 'cpus', kind: 'int', usage: '' },
];

const usage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('expected a usage error');
};

describe('parseArgs (pflag grammar, docs/orbctl.md#argument-grammar)', () => {
  it('accepts flags before and after positionals', () => {
    expect(parseArgs(['-a', 'amd64', 'ubuntu', 'vm1', '--force'], flags)).toEqual({
      flags: { arch: 'amd64', force: true },
      positionals: ['ubuntu', 'vm1'],
      afterDash: null,
    });
  });

  it('reads --flag=value, -fvalue, -f=value and grouped bool shorthands', () => {
    expect(parseArgs(['--arch=amd64'], flags).flags.arch).toBe('amd64');
    expect(parseArgs(['-aamd64'], flags).flags.arch).toBe('amd64');
    expect(parseArgs(['-a=amd64'], flags).flags.arch).toBe('amd64');
    expect(parseArgs(['-fA'], flags).flags).toEqual({ force: true, all: true });
    expect(parseArgs(['-fojson'], flags).flags).toEqual({ force: true, format: 'json' });
    expect(parseArgs(['--all=false'], flags).flags.all).toBe(false);
  });

  it('takes the next word as a value even if it looks like a flag, like pflag', () => {
    expect(parseArgs(['--arch', '-x'], flags).flags.arch).toBe('-x');
  });

  it('treats everything after -- as positional, and a lone - as positional', () => {
    const parsed = parseArgs(['-f', '--', '-rf', '--arch'], flags);
    expect(parsed.positionals).toEqual(['-rf', '--arch']);
    expect(parsed.afterDash).toBe(0);
    expect(parseArgs(['-'], flags).positionals).toEqual(['-']);
  });

  it('words its errors as pflag does', () => {
    expect(usage(() => parseArgs(['--foo'], flags))).toBe('unknown flag: --foo');
    expect(usage(() => parseArgs(['--foo=1'], flags))).toBe('unknown flag: --foo');
    expect(usage(() => parseArgs(['-x'], flags))).toBe("unknown shorthand flag: 'x' in -x");
    expect(usage(() => parseArgs(['-fx'], flags))).toBe("unknown shorthand flag: 'x' in -fx");
    expect(usage(() => parseArgs(['--arch'], flags))).toBe('flag needs an argument: --arch');
    expect(usage(() => parseArgs(['-a'], flags))).toBe("flag needs an argument: 'a' in -a");
    expect(usage(() => parseArgs(['---x'], flags))).toBe('bad flag syntax: ---x');
    expect(usage(() => parseArgs(['--all=maybe'], flags))).toBe(
      'invalid argument "maybe" for "-A, --all" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(usage(() => parseArgs(['--cpus', 'two'], flags))).toBe(
      'invalid argument "two" for "--cpus" flag: strconv.ParseInt: parsing "two": invalid syntax',
    );
  });

  it('knows -h/--help on every command', () => {
    expect(parseArgs(['-h'], []).flags.help).toBe(true);
    expect(parseArgs(['--help'], []).flags.help).toBe(true);
  });
});

describe("checkArgs (cobra's validators)", () => {
  it('words the count errors as cobra does', () => {
    expect(usage(() => checkArgs({ kind: 'exact', n: 2 }, ['a'], 'orbctl clone'))).toBe(
      'accepts 2 arg(s), received 1',
    );
    expect(usage(() => checkArgs({ kind: 'range', min: 1, max: 2 }, [], 'orbctl create'))).toBe(
      'accepts between 1 and 2 arg(s), received 0',
    );
    expect(usage(() => checkArgs({ kind: 'max', n: 1 }, ['a', 'b'], 'orbctl default'))).toBe(
      'accepts at most 1 arg(s), received 2',
    );
    expect(usage(() => checkArgs({ kind: 'min', n: 1 }, [], 'orbctl push'))).toBe(
      'requires at least 1 arg(s), only received 0',
    );
    expect(usage(() => checkArgs({ kind: 'none' }, ['vm'], 'orbctl status'))).toBe(
      'unknown command "vm" for "orbctl status"',
    );
    expect(() => checkArgs({ kind: 'any' }, ['a', 'b', 'c'], 'orbctl start')).not.toThrow();
  });
});

describe('findCommandIndex (cobra stripFlags)', () => {
  it('finds the command word among leading flags', () => {
    expect(findCommandIndex(['list', '-f', 'json'])).toBe(0);
    expect(findCommandIndex(['-f', 'json', 'list'])).toBe(2);
    expect(findCommandIndex(['--format=json', 'list'])).toBe(1);
    expect(findCommandIndex(['-h', 'list'])).toBe(1);
    expect(findCommandIndex(['--', 'list'])).toBe(-1);
    expect(findCommandIndex([])).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { FaultSet, FaultSyntaxError, parseFaults, splitRules } from './faults';

describe('ORBCTL_SIM_FAULT grammar', () => {
  it('parses every kind', () => {
    expect(
      parseFaults(
        'not-running,hang:export,hang-after:add@vm1,fail:start:3:boom: really,crash:export:0.25,slow:*:500',
      ),
    ).toEqual([
      { kind: 'not-running', reason: 'vm' },
      { kind: 'hang', target: { command: 'export', machine: null } },
      { kind: 'hang-after', target: { command: 'create', machine: 'vm1' } },
      { kind: 'fail', target: { command: 'start', machine: null }, exitCode: 3, message: 'boom: really' },
      { kind: 'crash', target: { command: 'export', machine: null }, at: 0.25 },
      { kind: 'slow', target: { command: '*', machine: null }, ms: 500 },
    ]);
  });

  it('defaults the exit code and message of fail, and the crash point', () => {
    expect(parseFaults('fail:delete')).toEqual([
      { kind: 'fail', target: { command: 'delete', machine: null }, exitCode: 1, message: null },
    ]);
    expect(parseFaults('crash:create')[0]).toMatchObject({ at: 0.5 });
    expect(parseFaults('not-running:services')[0]).toEqual({ kind: 'not-running', reason: 'services' });
  });

  it('keeps escaped commas inside a message', () => {
    expect(splitRules('fail:start:a\\, b, hang:list')).toEqual(['fail:start:a, b', 'hang:list']);
  });

  it.each([
    'boom',
    'hang',
    'hang:nope',
    'slow:start',
    'slow:start:x',
    'crash:export:2',
    'fail:start@',
    'not-running:x',
  ])('refuses %j', (rule) => {
    expect(() => parseFaults(rule)).toThrow(FaultSyntaxError);
  });

  it('matches by command, alias and machine', () => {
    const set = new FaultSet(parseFaults('fail:create@vm1,slow:start:100,slow:*:50'));
    expect(set.find('fail', 'create', ['ubuntu', 'vm1'])).not.toBeNull();
    expect(set.find('fail', 'create', ['ubuntu', 'vm2'])).toBeNull();
    expect(set.find('fail', 'start', ['vm1'])).toBeNull();
    expect(set.extraMs('start', [])).toBe(150);
    expect(set.extraMs('list', [])).toBe(50);
    expect(set.notRunning()).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { testJob, testMachine } from '../test/helpers/fixtures';
import { applyEffects, correction, effectSeen, jobEffect } from './job-effects';

const list = [testMachine('web', 'stopped'), testMachine('db', 'running', { isDefault: true })];

describe('jobEffect (what a succeeded job says about the list)', () => {
  it('gives each lifecycle action the result orbctl leaves', () => {
    expect(jobEffect(testJob('web', 'succeeded', 'start'))).toEqual({
      kind: 'state',
      machine: 'web',
      state: 'running',
    });
    expect(jobEffect(testJob('web', 'succeeded', 'restart'))).toMatchObject({ state: 'running' });
    expect(jobEffect(testJob('db', 'succeeded', 'stop'))).toMatchObject({ state: 'stopped' });
    expect(jobEffect(testJob('web', 'succeeded', 'delete'))).toEqual({ kind: 'gone', machine: 'web' });
    expect(jobEffect(testJob('web', 'succeeded', 'rename', { touches: ['api'] }))).toEqual({
      kind: 'rename',
      machine: 'web',
      to: 'api',
    });
    expect(jobEffect(testJob('web', 'succeeded', 'set-default'))).toEqual({
      kind: 'default',
      machine: 'web',
    });
  });

  it('brings a new machine: created running, cloned or imported stopped', () => {
    expect(jobEffect(testJob('new', 'succeeded', 'create'))).toEqual({
      kind: 'appears',
      machine: 'new',
      state: 'running',
    });
    expect(jobEffect(testJob('web', 'succeeded', 'clone', { touches: ['copy'] }))).toEqual({
      kind: 'appears',
      machine: 'copy',
      state: 'stopped',
    });
    expect(jobEffect(testJob('file', 'succeeded', 'import'))).toMatchObject({
      machine: 'file',
      state: 'stopped',
    });
  });

  it('has none before orbctl said so, nor for jobs the list does not show', () => {
    for (const state of ['queued', 'running', 'failed', 'cancelled'] as const)
      expect(jobEffect(testJob('web', state, 'start'))).toBeNull();
    for (const kind of ['export', 'run', 'pull', 'push', 'set-limits', 'agent'] as const)
      expect(jobEffect(testJob('web', 'succeeded', kind))).toBeNull();
    expect(jobEffect(testJob('web', 'succeeded', 'rename'))).toBeNull();
  });
});

describe('applyEffects and effectSeen', () => {
  it('changes only the machine acted on, and keeps the same array when nothing changes', () => {
    const started = applyEffects(list, [{ kind: 'state', machine: 'web', state: 'running' }]);
    expect(started.map((m) => [m.name, m.state])).toEqual([
      ['web', 'running'],
      ['db', 'running'],
    ]);
    expect(started[1]).toBe(list[1]);
    expect(applyEffects(list, [{ kind: 'state', machine: 'db', state: 'running' }])).toBe(list);
    expect(applyEffects(list, [{ kind: 'gone', machine: 'nothing' }])).toBe(list);
    expect(applyEffects(list, [{ kind: 'appears', machine: 'new', state: 'running' }])).toBe(list);
  });

  it('renames, removes and moves the default mark, keeping the machine id', () => {
    const renamed = applyEffects(list, [{ kind: 'rename', machine: 'web', to: 'api' }]);
    expect(renamed.map((m) => m.name)).toEqual(['api', 'db']);
    expect(renamed[0]!.id).toBe('id-web');
    expect(applyEffects(list, [{ kind: 'gone', machine: 'db' }]).map((m) => m.name)).toEqual(['web']);
    const moved = applyEffects(list, [{ kind: 'default', machine: 'web' }]);
    expect(moved.map((m) => m.isDefault)).toEqual([true, false]);
  });

  it('applies effects in order (a rename, then a start under the new name)', () => {
    const after = applyEffects(list, [
      { kind: 'rename', machine: 'web', to: 'api' },
      { kind: 'state', machine: 'api', state: 'running' },
    ]);
    expect(after[0]).toMatchObject({ name: 'api', state: 'running' });
  });

  it('tells whether a list shows an effect, and what it shows instead', () => {
    expect(effectSeen(list, { kind: 'state', machine: 'db', state: 'running' })).toBe(true);
    expect(effectSeen(list, { kind: 'state', machine: 'web', state: 'running' })).toBe(false);
    expect(correction(list, { kind: 'state', machine: 'web', state: 'running' })).toBe('web is stopped');
    expect(effectSeen(list, { kind: 'rename', machine: 'web', to: 'api' })).toBe(false);
    expect(correction(list, { kind: 'rename', machine: 'web', to: 'api' })).toBe('web still has its name');
    expect(effectSeen(list, { kind: 'gone', machine: 'gone' })).toBe(true);
    expect(correction(list, { kind: 'gone', machine: 'web' })).toBe('web is still there');
    expect(correction(list, { kind: 'appears', machine: 'new', state: 'running' })).toBe(
      'there is no machine named new',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Job } from './jobs';
import type { Machine } from './machine';
import { appAvailability, availability, bulkAvailability } from './machine-actions';
import { testMachine } from '../test/helpers/fixtures';

const machine = (state: string, extra: Partial<Machine> = {}): Machine => testMachine('ubuntu', state, extra);
const caps = (version: string, ok: boolean) => ({
  version,
  clone: ok,
  export: ok,
  import: ok,
  isolated: ok,
  resourceLimits: ok,
});
const job = (state: Job['state']): Job => ({
  id: 'job-1',
  kind: 'export',
  machine: 'ubuntu',
  title: 'Export ubuntu',
  state,
  createdAt: 0,
  cancellable: true,
});

describe('availability', () => {
  it('offers Start only on a stopped machine and Stop everywhere but stopped', () => {
    expect(availability('start', machine('stopped'), [], null).enabled).toBe(true);
    expect(availability('start', machine('running'), [], null)).toEqual({
      enabled: false,
      reason: 'ubuntu is already running',
    });
    expect(availability('stop', machine('starting'), [], null).enabled).toBe(true);
    expect(availability('stop', machine('stopped'), [], null).enabled).toBe(false);
    expect(availability('restart', machine('stopped'), [], null).enabled).toBe(false);
  });

  it('disables every change while a job runs, naming the job', () => {
    const result = availability('delete', machine('running'), [job('running')], null);
    expect(result.enabled).toBe(false);
    expect(result.reason).toContain('Export ubuntu');
    expect(availability('start', machine('stopped'), [job('queued')], null).reason).toContain('(queued)');
    // Reaching the machine does not change it.
    expect(availability('ssh', machine('running'), [job('running')], null).enabled).toBe(true);
  });

  it('hides clone and export from an orbctl that is too old', () => {
    expect(availability('clone', machine('stopped'), [], caps('1.9.5', false))).toEqual({
      enabled: false,
      reason: 'Needs OrbStack 1.10 or newer (this is 1.9.5)',
    });
    expect(availability('export', machine('running'), [], caps('2.2.0', true)).enabled).toBe(true);
  });

  it('offers nothing a version gates until the version is known', () => {
    for (const action of ['clone', 'export', 'set-limits', 'save-checkpoint', 'revert-checkpoint'] as const) {
      expect(availability(action, machine('stopped'), [], null)).toEqual({
        enabled: false,
        reason: 'Waiting to learn which OrbStack version this is',
      });
    }
    expect(appAvailability('import', null, null)).toEqual({
      enabled: false,
      reason: 'Waiting to learn which OrbStack version this is',
    });
    expect(availability('start', machine('stopped'), [], null).enabled).toBe(true);
  });

  it('changes limits only on a stopped machine, and only on OrbStack 2.2 or newer', () => {
    expect(availability('set-limits', machine('stopped'), [], caps('2.2.0', true)).enabled).toBe(true);
    expect(availability('set-limits', machine('running'), [], caps('2.2.0', true))).toEqual({
      enabled: false,
      reason: 'Stop ubuntu to change its limits',
    });
    expect(availability('set-limits', machine('stopped'), [], caps('2.1.0', false))).toEqual({
      enabled: false,
      reason: 'Needs OrbStack 2.2 or newer (this is 2.1.0)',
    });
  });

  it('knows the default machine and odd states', () => {
    expect(availability('set-default', machine('running', { isDefault: true }), [], null).enabled).toBe(
      false,
    );
    expect(availability('rename', machine('creating'), [], null).enabled).toBe(false);
    expect(availability('terminal', machine('some-future-state'), [], null).enabled).toBe(false);
  });
});

describe('bulkAvailability', () => {
  const web = testMachine('web', 'running');
  const db = testMachine('db', 'stopped');
  const busy = testMachine('busy', 'running');
  const selection = [
    { machine: web, active: [] },
    { machine: db, active: [] },
    { machine: busy, active: [{ ...job('running'), machine: 'busy' }] },
  ];
  it('acts on the machines whose own rule allows it, and says how many', () => {
    expect(bulkAvailability('stop', selection, null)).toEqual({
      enabled: true,
      names: ['web'],
      reason: 'Stop 1 of 3 machines',
    });
    expect(bulkAvailability('start', selection, null).names).toEqual(['db']);
    expect(bulkAvailability('delete', selection.slice(0, 2), null).reason).toBe('Delete 2 machines');
  });
  it('is disabled with the one machine’s own reason, or a count, when none can', () => {
    expect(bulkAvailability('restart', [{ machine: db, active: [] }], null)).toMatchObject({
      enabled: false,
      reason: 'db is not running',
    });
    expect(bulkAvailability('export', selection, caps('1.9.0', false))).toMatchObject({
      enabled: false,
      reason: 'None of the 3 machines can export now',
    });
  });
});

// Checkpoints.
describe('availability of the checkpoint actions', () => {
  it('offers them on a machine whatever its name, not on a busy machine or an old OrbStack', () => {
    for (const action of ['save-checkpoint', 'revert-checkpoint', 'clone-checkpoint'] as const) {
      expect(availability(action, machine('running'), [], caps('2.2.0', true)).enabled).toBe(true);
      // Only OrbDeck's records make a machine a checkpoint (shared/checkpoint-records.ts), never its name.
      const named = testMachine('ubuntu--cp-20261201-101500', 'stopped');
      expect(availability(action, named, [], caps('2.2.0', true)).enabled).toBe(true);
      expect(availability(action, machine('creating'), [], null).enabled).toBe(false);
      expect(availability(action, machine('stopped'), [job('running')], null).enabled).toBe(false);
    }
    expect(availability('save-checkpoint', machine('stopped'), [], caps('1.9.5', false)).enabled).toBe(false);
  });
});

describe('appAvailability', () => {
  it('refuses New Machine and Import while the machines cannot be read, naming why', () => {
    expect(appAvailability('create', null, { code: 'NOT_INSTALLED' })).toEqual({
      enabled: false,
      reason: 'orbctl was not found: choose it in Settings',
    });
    expect(appAvailability('import', null, { code: 'ORBSTACK_NOT_RUNNING' }).enabled).toBe(false);
    expect(appAvailability('create', null, null).enabled).toBe(true);
  });

  it('offers Import only where orbctl can import', () => {
    expect(appAvailability('import', caps('1.9.5', false), null)).toEqual({
      enabled: false,
      reason: 'Needs OrbStack 1.10 or newer (this is 1.9.5)',
    });
    expect(appAvailability('import', caps('2.2.0', true), null).enabled).toBe(true);
    expect(appAvailability('create', caps('1.9.5', false), null).enabled).toBe(true);
  });
});

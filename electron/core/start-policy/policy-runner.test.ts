import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MachinesSnapshot } from '../../../shared/ipc/types';
import type { Machine } from '../../../shared/machine';
import { JobManager } from '../jobs/job-manager';
import { EventHub } from '../platform/events';
import { PolicyRunner } from './policy-runner';
import { PolicyStore } from './policy-store';

const machine = (id: string, name: string, state: string) => ({ id, name, state }) as Machine;
const snapshot = (
  machines: Machine[],
  lastError: MachinesSnapshot['lastError'] = null,
): MachinesSnapshot => ({
  machines,
  lastError,
  updatedAt: lastError ? null : 1,
  version: 1,
});

describe('PolicyRunner', () => {
  it('starts the machines that start with OrbDeck once OrbStack answers, and only once', () => {
    const events = new EventHub();
    const policies = new PolicyStore({
      file: join(mkdtempSync(join(tmpdir(), 'orbdeck-policy-')), 'p.json'),
    });
    const web = machine('W', 'web', 'stopped');
    policies.set(web, { startWithApp: true });
    const jobs = new JobManager({ events });
    const source = { refresh: async () => snapshot([web]), actionBegins: () => () => {} };
    const started: string[] = [];
    events.on('jobs:changed', (job) => job.state === 'queued' && started.push(job.title));
    new PolicyRunner({
      policies,
      jobs,
      events,
      machines: source,
      orbctl: { start: async () => {} } as never,
    });
    events.emit(
      'machines:changed',
      snapshot([], { code: 'ORBSTACK_NOT_RUNNING', message: 'OrbStack is not running' }),
    );
    expect(started).toEqual([]);
    events.emit('machines:changed', snapshot([web]));
    events.emit('machines:changed', snapshot([web]));
    expect(started).toEqual(['Start web']);
  });
});

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
    const listeners: Array<(s: MachinesSnapshot) => void> = [];
    const told = (s: MachinesSnapshot) => listeners.forEach((listener) => listener(s));
    const policies = new PolicyStore({
      file: join(mkdtempSync(join(tmpdir(), 'orbdeck-policy-')), 'p.json'),
    });
    const web = machine('W', 'web', 'stopped');
    policies.set(web, { startWithApp: true });
    const jobs = new JobManager({ events });
    const source = {
      refresh: async () => snapshot([web]),
      actionBegins: () => () => {},
      onChanged: (listener: (s: MachinesSnapshot) => void) => {
        listeners.push(listener);
        return () => {};
      },
    };
    const started: string[] = [];
    events.on('jobs:changed', (job) => job.state === 'queued' && started.push(job.title));
    new PolicyRunner({
      policies,
      jobs,
      events,
      machines: source,
      orbctl: { start: async () => {} } as never,
    });
    told(snapshot([], { code: 'ORBSTACK_NOT_RUNNING', message: 'OrbStack is not running' }));
    expect(started).toEqual([]);
    told(snapshot([web]));
    told(snapshot([web]));
    expect(started).toEqual(['Start web']);
  });
});

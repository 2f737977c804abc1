import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/settings';
import type { Job } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import { Router } from '../ipc/router';
import { JobManager } from '../jobs/job-manager';
import { EventHub } from '../platform/events';
import { agentGate, MAX_SANDBOXES_FOR_AGENTS } from './agent-gate';
import { SandboxStore } from './sandbox-store';

function setup(sandboxCount: number) {
  const sandboxes = new SandboxStore({ file: join(mkdtempSync(join(tmpdir(), 'orbdeck-gate-')), 's.json') });
  const machines: Machine[] = [];
  for (let i = 0; i < sandboxCount; i++) {
    sandboxes.add({
      id: `ID${i}`,
      name: `box${i}`,
      state: 'ready',
      createdAt: 0,
      golden: null,
      timeLimit: null,
    });
    machines.push({ id: `ID${i}`, name: `box${i}`, isolated: true } as Machine);
  }
  const jobs = new JobManager({ events: new EventHub() });
  const router = new Router();
  let created = 0;
  router.handle('sandbox:create', () => {
    created++;
    return jobs.submit({ kind: 'create', machine: 'new', title: 'Create sandbox new', run: async () => {} });
  });
  router.handle('jobs:cancel', ({ id }) => jobs.get(id));
  router.guard(
    'agent',
    agentGate({
      sandboxes,
      jobs,
      machines: { snapshot: () => ({ machines, lastError: null, updatedAt: 1, version: 1 }) },
      settings: { get: () => DEFAULT_SETTINGS },
    }),
  );
  const asAgent = (channel: string, request: unknown) =>
    router.invoke(channel, request, { transport: 'agent' });
  return { jobs, asAgent, created: () => created };
}

describe('the agents’ guard', () => {
  it(`lets agents have at most ${MAX_SANDBOXES_FOR_AGENTS} sandboxes`, async () => {
    const below = setup(MAX_SANDBOXES_FOR_AGENTS - 1);
    expect(await below.asAgent('sandbox:create', { distro: 'alpine' })).toMatchObject({
      ok: true,
      data: { by: 'agent' },
    });
    const full = setup(MAX_SANDBOXES_FOR_AGENTS);
    expect(await full.asAgent('sandbox:create', { distro: 'alpine' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/^There are already 10 sandboxes/) },
    });
    expect(full.created()).toBe(0);
    expect(full.jobs.list().map((j: Job) => [j.title, j.state])).toEqual([
      ['Agent asked to create a sandbox: refused', 'failed'],
    ]);
  });

  it('lets an agent follow and cancel only the jobs an agent asked for', async () => {
    const { jobs, asAgent } = setup(1);
    const mine = ((await asAgent('sandbox:create', { distro: 'alpine' })) as { data: Job }).data;
    const persons = jobs.submit({ kind: 'start', machine: 'web', title: 'Start web', run: async () => {} });
    expect(await asAgent('jobs:cancel', { id: mine.id })).toMatchObject({ ok: true });
    expect(await asAgent('jobs:cancel', { id: persons.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'That job was not asked for by an agent.' },
    });
  });
});

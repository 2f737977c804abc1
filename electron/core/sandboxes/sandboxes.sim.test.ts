import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckpointRecord, Notice } from '../../../shared/ipc/types';
import type { HistoryEntry, Job } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import type { SandboxFileContent, SandboxRecord } from '../../../shared/sandboxes';
import { disposeCoresAfterEach, sim, startCore } from '../../../test/helpers/core';

// Sandboxes through the whole core, against the simulator: create, golden after cloud-init, reset, delete,
// time limits at start, and what an agent may and may not do.
disposeCoresAfterEach();

const CLOUD_INIT = '#cloud-config\nruncmd:\n  - echo ready\n';
type Listed = Pick<Machine, 'id' | 'name' | 'state'>;
const listed = async (simHome: string) =>
  JSON.parse((await sim(simHome, 'list', '-f', 'json')).stdout) as Listed[];
const base64 = (text: string) => Buffer.from(text).toString('base64');

async function readySandbox(t: ReturnType<typeof startCore>, name: string, extra: object = {}) {
  const job = await t.invoke<Job>('sandbox:create', {
    distro: 'ubuntu',
    name,
    cloudInit: CLOUD_INIT,
    ...extra,
  });
  await expect
    .poll(
      async () => (await t.invoke<SandboxRecord[]>('sandbox:list', {})).find((s) => s.name === name)?.state,
      {
        timeout: 30_000,
      },
    )
    .toBe('ready');
  await t.core.jobs.whenIdle();
  return job;
}

describe('sandboxes', () => {
  it('creates an isolated machine, takes its golden checkpoint once cloud-init is done, and resets to it', async () => {
    const t = startCore({ ORBCTL_SIM_CLOUD_INIT_MS: '2000' });
    const states: string[] = [];
    t.core.events.on('sandboxes:changed', (list) =>
      states.push(list.find((s) => s.name === 'box')?.state ?? '-'),
    );
    const created = await t.invoke<Job>('sandbox:create', {
      distro: 'ubuntu',
      name: 'box',
      cloudInit: CLOUD_INIT,
    });
    expect(created).toMatchObject({ kind: 'create', title: expect.stringMatching(/^Create sandbox box/) });
    await readySandbox(t, 'box');
    // Set up first, then the golden checkpoint, then ready.
    expect([...new Set(states)]).toEqual(['setting-up', 'saving-golden', 'ready']);
    const [box] = await t.invoke<SandboxRecord[]>('sandbox:list', {});
    const info = await t.invoke<Machine>('machine:info', { name: 'box' });
    expect(info.isolated).toBe(true);
    expect(box).toMatchObject({
      id: info.id,
      name: 'box',
      state: 'ready',
      golden: { name: expect.stringMatching(/^box--cp-/) },
    });
    const checkpoints = await t.invoke<CheckpointRecord[]>('checkpoint:list', {});
    expect(checkpoints.map((c) => [c.name, c.label])).toEqual([[box!.golden!.name, 'Golden (sandbox)']]);

    // Changed, then reset: the file is gone, the machine is a new clone the sandbox follows, nothing is left over.
    await t.finished(
      (await t.invoke<Job>('sandbox:write-file', { name: 'box', path: 'notes.txt', base64: base64('hi') }))
        .id,
    );
    const cat = await t.finished(
      (await t.invoke<Job>('machine:run', { name: 'box', command: 'cat notes.txt', as: 'default' })).id,
    );
    expect(cat.state).toBe('succeeded');
    const reset = await t.invoke<Job>('sandbox:reset', { name: 'box' });
    expect(reset.title).toBe('Reset sandbox box to its golden checkpoint');
    const done = await t.finished(reset.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      outcome: expect.stringMatching(/^box is back at “Golden \(sandbox\)”\.$/),
    });
    const after = await t.finished(
      (await t.invoke<Job>('machine:run', { name: 'box', command: 'cat notes.txt', as: 'default' })).id,
    );
    expect(after.state).toBe('failed');
    const machines = await listed(t.simHome);
    const now = machines.find((m) => m.name === 'box')!;
    expect(now.id).not.toBe(info.id);
    expect(now.state).toBe('running');
    // Only the golden checkpoint beside the machine: the state before was deleted once the reset succeeded.
    expect(machines.filter((m) => m.name.startsWith('box--cp-')).map((m) => m.name)).toEqual([
      box!.golden!.name,
    ]);
    await t.core.machines.refresh();
    expect(await t.invoke<SandboxRecord[]>('sandbox:list', {})).toEqual([{ ...box, id: now.id }]);

    // Deleting the sandbox deletes its golden checkpoint too.
    expect((await t.finished((await t.invoke<Job>('sandbox:delete', { name: 'box' })).id)).state).toBe(
      'succeeded',
    );
    expect((await listed(t.simHome)).filter((m) => m.name.startsWith('box'))).toEqual([]);
    expect(await t.invoke('sandbox:list', {})).toEqual([]);
    // Only sandboxes go this way.
    await expect(t.invoke('sandbox:delete', { name: 'ubuntu' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 120_000);

  it('copies a file in and out by its content, and refuses one bigger than 4 MiB', async () => {
    const t = startCore();
    await readySandbox(t, 'files');
    const written = await t.finished(
      (
        await t.invoke<Job>('sandbox:write-file', {
          name: 'files',
          path: 'dir/a.txt',
          base64: base64('héllo\n'),
        })
      ).id,
    );
    expect(written).toMatchObject({ state: 'succeeded', kind: 'push', bytes: 7 });
    const read = await t.invoke<Job>('sandbox:read-file', { name: 'files', path: 'dir/a.txt' });
    expect((await t.finished(read.id)).state).toBe('succeeded');
    const content = await t.invoke<SandboxFileContent>('sandbox:file-content', { id: read.id });
    expect(Buffer.from(content.base64, 'base64').toString()).toBe('héllo\n');
    // Given once.
    await expect(t.invoke('sandbox:file-content', { id: read.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const huge = 'A'.repeat(Math.ceil((4 * 1024 * 1024) / 3) * 4 + 4);
    await expect(
      t.invoke('sandbox:write-file', { name: 'files', path: 'big', base64: huge }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const missing = await t.invoke<Job>('sandbox:read-file', { name: 'files', path: 'nope.txt' });
    expect((await t.finished(missing.id)).state).toBe('failed');
  }, 90_000);

  it('acts on a time limit that ran out while OrbDeck was not running, and says so', async () => {
    const first = startCore();
    await readySandbox(first, 'timed', { timeLimit: { seconds: 3600, then: 'delete' } });
    const [record] = await first.invoke<SandboxRecord[]>('sandbox:list', {});
    expect(record!.timeLimit).toMatchObject({ then: 'delete', endsAt: expect.any(Number) });
    await first.core.dispose();
    // An hour later, as far as the data folder says.
    const file = join(first.dataDir, 'sandboxes.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        records: [{ ...record, timeLimit: { ...record!.timeLimit, endsAt: Date.now() - 1000 } }],
      }),
    );
    const again = startCore({}, first.dataDir);
    const notices: Notice[] = [];
    again.core.events.on('notices:added', (n) => notices.push(n));
    await expect
      .poll(async () => (await listed(again.simHome)).some((m) => m.name === 'timed'), { timeout: 30_000 })
      .toBe(false);
    await again.core.jobs.whenIdle();
    expect(notices.map((n) => n.text)).toContain(
      'The time limit of the sandbox “timed” ran out while OrbDeck was not running: it is being deleted.',
    );
    expect(await again.invoke('sandbox:list', {})).toEqual([]);
  }, 90_000);
});

describe('what an agent may do', () => {
  it('changes sandboxes only; every call, refused or not, is in History as an agent’s', async () => {
    const t = startCore();
    const asAgent = async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await t.core.router.invoke(channel, request, { transport: 'agent' });
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.data as T;
    };
    const created = await asAgent<Job>('sandbox:create', { distro: 'alpine', name: 'agentbox' });
    expect(created.by).toBe('agent');
    await expect
      .poll(async () => (await t.invoke<SandboxRecord[]>('sandbox:list', {}))[0]?.state, { timeout: 30_000 })
      .toBe('ready');
    await t.core.jobs.whenIdle();
    // The golden checkpoint is OrbDeck's own job, not the agent's.
    const golden = t.core.jobs.list().find((j) => j.title.startsWith('Save the golden checkpoint'));
    expect(golden?.by).toBeUndefined();

    const run = await asAgent<Job>('machine:run', { name: 'agentbox', command: 'echo hi', as: 'default' });
    expect((await t.finished(run.id)).state).toBe('succeeded');
    expect(await asAgent('run:output', { id: run.id })).toMatchObject({ chunks: [{ text: 'hi\n' }] });
    await asAgent('machines:snapshot', {});

    await expect(
      asAgent('machine:run', { name: 'ubuntu', command: 'echo no', as: 'default' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('ubuntu is not a sandbox'),
    });
    await expect(asAgent('sandbox:delete', { name: 'ubuntu' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asAgent('machine:delete', { name: 'agentbox' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(asAgent('settings:set', { agentsMayStartStop: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(asAgent('machine:stop', { name: 'ubuntu' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A person's job is not the agent's to read or cancel.
    const person = await t.invoke<Job>('machine:run', {
      name: 'ubuntu',
      command: 'echo mine',
      as: 'default',
    });
    await expect(asAgent('run:output', { id: person.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(asAgent('jobs:cancel', { id: person.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await t.core.jobs.whenIdle();
    expect((await listed(t.simHome)).find((m) => m.name === 'ubuntu')?.state).toBe('running');

    const history = await t.invoke<HistoryEntry[]>('jobs:history', {});
    const agents = history.filter((e) => e.by === 'agent').map((e) => [e.title, e.state]);
    expect(agents).toEqual([
      [expect.stringMatching(/^Create sandbox agentbox/), 'succeeded'],
      ['Run “echo hi” in agentbox', 'succeeded'],
      ['Agent read the machine list', 'succeeded'],
      ['Agent asked to run “echo no” in ubuntu: refused', 'failed'],
      ['Agent asked to delete ubuntu: refused', 'failed'],
      ['Agent asked to use machine:delete: refused', 'failed'],
      ['Agent asked to use settings:set: refused', 'failed'],
      ['Agent asked to stop ubuntu: refused', 'failed'],
    ]);

    // Settings can let agents start and stop any machine, and can turn them off altogether.
    await t.invoke('settings:set', { agentsMayStartStop: true });
    expect((await t.finished((await asAgent<Job>('machine:stop', { name: 'ubuntu' })).id)).state).toBe(
      'succeeded',
    );
    await t.invoke('settings:set', { agentEndpoint: false });
    await expect(asAgent('machines:snapshot', {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Agents are turned off in OrbDeck’s Settings.',
    });
  }, 90_000);
});

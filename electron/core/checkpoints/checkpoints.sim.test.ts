import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCheckpointName } from '../../../shared/checkpoint-names';
import type { CheckpointRecord } from '../../../shared/ipc/types';
import type { Job } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import { startHostProcess, type HostProcess } from '../../../test/helpers/host-process';
import { disposeCoresAfterEach, forgetCore, sim, startCore, until } from '../../../test/helpers/core';

// Checkpoints through the whole core, against the simulator.
disposeCoresAfterEach();
let host: HostProcess | undefined;
afterEach(async () => {
  if (host && host.child.exitCode === null && host.child.signalCode === null) await host.kill();
  host = undefined;
});

/** orbctl's own JSON (`config.default_username`, not the app's model). */
type Listed = Pick<Machine, 'id' | 'name' | 'state'> & { config: { default_username: string } };
const machinesIn = async (simHome: string): Promise<Listed[]> =>
  JSON.parse((await sim(simHome, 'list', '-f', 'json')).stdout) as Listed[];
const byName = async (simHome: string, name: string) =>
  (await machinesIn(simHome)).find((m) => m.name === name);

describe('checkpoints', () => {
  it('saves a stopped checkpoint under a name that says what it is, and lists it with its label and size', async () => {
    const { invoke, finished, simHome, core } = startCore();
    const job = await invoke<Job>('checkpoint:save', { name: 'ubuntu', label: 'before upgrade' });
    const done = await finished(job.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      kind: 'clone',
      title: 'Save checkpoint “before upgrade” of ubuntu',
    });
    const list = await invoke<CheckpointRecord[]>('checkpoint:list', {});
    expect(list).toHaveLength(1);
    const cp = list[0]!;
    expect(parseCheckpointName(cp.name)?.source).toBe('ubuntu');
    expect(cp).toMatchObject({ sourceName: 'ubuntu', label: 'before upgrade' });
    expect(cp.sourceId).toBe((await byName(simHome, 'ubuntu'))!.id);
    expect(cp.size).toBeGreaterThan(0);
    expect((await byName(simHome, cp.name))?.state).toBe('stopped');
    // The source keeps running.
    expect((await byName(simHome, 'ubuntu'))?.state).toBe('running');
    // A checkpoint is not checkpointed itself.
    await expect(invoke('checkpoint:save', { name: cp.name })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    void core;
  }, 90_000);

  it('reverts a running machine: stop, set aside, clone back, start; the state before stays as a checkpoint', async () => {
    const { invoke, finished, simHome, seen } = startCore();
    const saved = await finished(
      (await invoke<Job>('checkpoint:save', { name: 'ubuntu', label: 'clean' })).id,
    );
    const cp = (await invoke<CheckpointRecord[]>('checkpoint:list', {}))[0]!;
    // Something changes on the machine after the checkpoint: here, its user.
    await sim(simHome, '__sim', 'set', 'ubuntu', 'username=changed');
    const before = (await byName(simHome, 'ubuntu'))!;
    const job = await invoke<Job>('checkpoint:revert', { checkpoint: cp.name });
    expect(job).toMatchObject({
      kind: 'revert',
      cancellable: false,
      title: 'Revert ubuntu to checkpoint “clean”',
    });
    const done = await finished(job.id);
    expect(done.state).toBe('succeeded');
    const steps = seen.filter((j) => j.id === job.id && j.progress?.step).map((j) => j.progress!.step!.words);
    expect([...new Set(steps)]).toEqual([
      'Stopping ubuntu',
      expect.stringMatching(/^Setting ubuntu's current state aside as ubuntu--cp-/),
      'Cloning the checkpoint to ubuntu',
      'Starting ubuntu again',
    ]);
    const after = (await byName(simHome, 'ubuntu'))!;
    expect(after.state).toBe('running');
    expect(after.config.default_username).not.toBe('changed');
    expect(after.id).not.toBe(before.id);
    const list = await invoke<CheckpointRecord[]>('checkpoint:list', {});
    const aside = list.find((r) => r.beforeRevert)!;
    expect(aside).toMatchObject({ label: 'Before revert to “clean”', sourceName: 'ubuntu' });
    expect(await byName(simHome, aside.name)).toMatchObject({
      state: 'stopped',
      config: { default_username: 'changed' },
    });
    // Both checkpoints now belong to the reverted machine.
    expect(list.map((r) => r.sourceId)).toEqual([after.id, after.id]);
    expect(done.outcome).toBe(`ubuntu is back at “clean”; the state before is kept as ${aside.name}.`);
    void saved;
  }, 90_000);

  it('a revert whose clone fails puts the machine back as it was', async () => {
    const { invoke, finished, simHome } = startCore();
    await finished((await invoke<Job>('checkpoint:save', { name: 'debian', label: 'one' })).id);
    const cp = (await invoke<CheckpointRecord[]>('checkpoint:list', {}))[0]!;
    const before = (await byName(simHome, 'debian'))!;
    await sim(simHome, '__sim', 'fault', `fail:clone@${cp.name}`);
    const done = await finished((await invoke<Job>('checkpoint:revert', { checkpoint: cp.name })).id);
    expect(done.state).toBe('failed');
    expect(done.error?.message).toMatch(/could not be cloned .*; debian was put back as it was\.$/);
    expect(await byName(simHome, 'debian')).toMatchObject({ id: before.id, state: 'stopped' });
    expect((await invoke<CheckpointRecord[]>('checkpoint:list', {})).map((r) => r.name)).toEqual([cp.name]);
  }, 90_000);

  it('deletes a checkpoint and forgets it; clones a new machine from one', async () => {
    const { invoke, finished, simHome } = startCore();
    await finished((await invoke<Job>('checkpoint:save', { name: 'alpine', label: 'x' })).id);
    const cp = (await invoke<CheckpointRecord[]>('checkpoint:list', {}))[0]!;
    const clone = await finished(
      (await invoke<Job>('machine:clone', { name: cp.name, newName: 'alpine-new' })).id,
    );
    expect(clone.state).toBe('succeeded');
    expect((await byName(simHome, 'alpine-new'))?.state).toBe('stopped');
    await expect(invoke('checkpoint:delete', { checkpoint: 'alpine' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const del = await finished((await invoke<Job>('checkpoint:delete', { checkpoint: cp.name })).id);
    expect(del).toMatchObject({ state: 'succeeded', title: `Delete checkpoint “x” (${cp.name})` });
    expect(await byName(simHome, cp.name)).toBeUndefined();
    expect(await invoke('checkpoint:list', {})).toEqual([]);
  }, 90_000);

  it('knows checkpoints by its own record: a machine merely named like one is an ordinary machine', async () => {
    const { invoke, finished, simHome } = startCore();
    await sim(simHome, '__sim', 'add', 'ubuntu--cp-20260101-000000', 'ubuntu', 'state=stopped');
    expect(await invoke('checkpoint:list', {})).toEqual([]);
    await expect(
      invoke('checkpoint:delete', { checkpoint: 'ubuntu--cp-20260101-000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await byName(simHome, 'ubuntu--cp-20260101-000000')).toBeDefined();
    // It can have checkpoints of its own, like any machine.
    const job = await invoke<Job>('checkpoint:save', { name: 'ubuntu--cp-20260101-000000', label: 'mine' });
    expect(await finished(job.id)).toMatchObject({ state: 'succeeded' });
    const [cp] = await invoke<CheckpointRecord[]>('checkpoint:list', {});
    expect(cp).toMatchObject({ sourceName: 'ubuntu--cp-20260101-000000', label: 'mine' });
    expect(cp!.machineId).toBe((await byName(simHome, cp!.name))!.id);
  }, 90_000);

  it('follows a checkpoint renamed elsewhere by its id, and forgets the labels with the data folder', async () => {
    const first = startCore();
    await first.finished((await first.invoke<Job>('checkpoint:save', { name: 'fedora', label: 'mine' })).id);
    const name = (await first.invoke<CheckpointRecord[]>('checkpoint:list', {}))[0]!.name;
    await sim(first.simHome, 'rename', name, 'kept-fedora');
    await first.invoke('machines:refresh', {});
    expect(await first.invoke<CheckpointRecord[]>('checkpoint:list', {})).toEqual([
      expect.objectContaining({ name: 'kept-fedora', label: 'mine', sourceName: 'fedora' }),
    ]);
    await first.core.dispose();
    forgetCore(first.core);
    rmSync(join(first.dataDir, 'checkpoints.json'));
    const again = startCore({}, first.dataDir);
    expect(await again.invoke<CheckpointRecord[]>('checkpoint:list', {})).toEqual([]);
  }, 90_000);
});

describe.runIf(process.platform === 'linux')('a quit in the middle of a revert', () => {
  it('is found at the next start and the state it left is said once: the copy in the making, the old state aside', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-revert-crash-'));
    const simHome = join(dataDir, 'sim');
    const env = {
      ORBDECK_DATA_DIR: dataDir,
      ORBCTL_SIM_HOME: simHome,
      ORBCTL_SIM_SEED: 'demo',
      ORBCTL_SIM_SPEED: '40',
    };
    host = await startHostProcess(env);
    const save = await host.invoke<Job>('checkpoint:save', { name: 'nixos', label: 'good' });
    await until(async () => (await machinesIn(simHome)).some((m) => m.name.startsWith('nixos--cp-')), 60_000);
    await until(() => existsSync(join(dataDir, 'checkpoints.json')), 60_000);
    void save;
    const cp = (await machinesIn(simHome)).find((m) => m.name.startsWith('nixos--cp-'))!.name;
    const before = (await byName(simHome, 'nixos'))!;
    // The clone back takes minutes: the quit comes while it runs.
    await sim(simHome, '__sim', 'fault', 'slow:clone:300000');
    await host.invoke<Job>('checkpoint:revert', { checkpoint: cp });
    // Set aside, and the copy of the checkpoint under way under the machine's name.
    await until(async () => (await byName(simHome, 'nixos'))?.state === 'creating', 60_000);
    expect(readdirSync(join(dataDir, 'reverts'))).toEqual(['nixos.json']);
    await host.kill();
    await sim(simHome, '__sim', 'fault');

    const { core } = startCore({}, dataDir);
    await core.ready;
    // OrbStack's daemon goes on with the clone (only its client was stopped): the known state is the
    // checkpoint's copy in the making under the machine's name, and the state before kept aside.
    const aside = (await machinesIn(simHome)).find((m) => m.name.startsWith('nixos--cp-') && m.name !== cp)!;
    expect(aside.id).toBe(before.id);
    expect((await byName(simHome, 'nixos'))!.id).not.toBe(before.id);
    const [entry] = core.history.list().filter((e) => e.kind === 'revert');
    expect(entry).toMatchObject({
      state: 'succeeded',
      outcome: expect.stringContaining(
        `the revert went on without OrbDeck: OrbStack is still making “nixos” from the checkpoint (creating); the state before is kept as “${aside.name}”`,
      ),
    });
    expect(core.notices.list().map((n) => n.text)).toEqual([
      expect.stringMatching(/^Revert nixos to checkpoint “good”: interrupted when OrbDeck quit; /),
    ]);
    expect(readdirSync(join(dataDir, 'reverts'))).toEqual([]);
    const list = await core.router.invoke('checkpoint:list', {}, { transport: 'headless' });
    expect(list.ok && (list.data as CheckpointRecord[]).find((r) => r.name === aside.name)).toMatchObject({
      beforeRevert: true,
    });
  }, 120_000);
});

describe('a quit after the machine was set aside, before the clone began', () => {
  it('gives the machine its own state and name back at the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-revert-aside-'));
    const simHome = join(dataDir, 'sim');
    await sim(simHome, '__sim', 'seed', 'demo');
    const before = (await byName(simHome, 'alpine'))!;
    await sim(simHome, 'clone', 'alpine', 'alpine--cp-20261201-090000');
    const aside = 'alpine--cp-20261201-100000';
    await sim(simHome, 'rename', 'alpine', aside);
    // What the revert had written when OrbDeck died: its plan and its journal record.
    mkdirSync(join(dataDir, 'reverts'), { recursive: true });
    const plan = {
      machine: 'alpine',
      machineId: before.id,
      checkpoint: 'alpine--cp-20261201-090000',
      aside,
      wasRunning: false,
      label: 'old',
    };
    writeFileSync(join(dataDir, 'reverts', 'alpine.json'), JSON.stringify(plan));
    mkdirSync(join(dataDir, 'running-jobs'), { recursive: true });
    const record = {
      version: 1,
      id: 'job-revert-1',
      kind: 'revert',
      machine: 'alpine',
      title: 'Revert alpine to checkpoint “old”',
      touches: ['alpine', plan.checkpoint, aside],
      createdAt: Date.now() - 1000,
      startedAt: Date.now() - 1000,
      scratchFiles: [],
      processes: [],
    };
    writeFileSync(join(dataDir, 'running-jobs', 'job-revert-1.json'), JSON.stringify(record));

    const { core } = startCore({}, dataDir);
    await core.ready;
    expect((await byName(simHome, 'alpine'))?.id).toBe(before.id);
    expect(await byName(simHome, aside)).toBeUndefined();
    expect(core.history.list().map((e) => [e.kind, e.state, e.outcome])).toEqual([
      [
        'revert',
        'failed',
        'Interrupted when OrbDeck quit; the revert was undone: “alpine” has its own state back.',
      ],
    ]);
  }, 90_000);
});

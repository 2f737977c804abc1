import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, sim, startCore } from '../../../test/helpers/core';

// Change Limits…: `config set machine.NAME.cpu|memory_mib|disk_bytes` as one job, through the whole core and the
// real simulator (docs/orbctl.md#config).
disposeCoresAfterEach();

const limit = async (simHome: string, key: string) =>
  (await sim(simHome, 'config', 'get', key)).stdout.trim();

describe('machine:set-limits', () => {
  it('sets the limits given, as MiB and bytes, and leaves the others alone', async () => {
    const { invoke, finished, simHome } = startCore();
    const job = await invoke<Job>('machine:set-limits', { name: 'debian', cpus: 2, memory: '4G' });
    expect(job).toMatchObject({
      kind: 'set-limits',
      machine: 'debian',
      title: 'Set debian to 2 CPUs, 4G memory',
    });
    expect(await finished(job.id)).toMatchObject({
      state: 'succeeded',
      outcome: 'debian gets 2 CPUs, 4G memory when it next starts.',
    });
    expect(await limit(simHome, 'machine.debian.cpu')).toBe('2');
    expect(await limit(simHome, 'machine.debian.memory_mib')).toBe('4096');
    expect(await limit(simHome, 'machine.debian.disk_bytes')).toBe('');

    await finished((await invoke<Job>('machine:set-limits', { name: 'debian', disk: '64G' })).id);
    expect(await limit(simHome, 'machine.debian.disk_bytes')).toBe(String(64 * 1024 ** 3));
    expect(await limit(simHome, 'machine.debian.cpu')).toBe('2');
  }, 30_000);

  it('refuses nothing to change and a size the create form would refuse, before any job', async () => {
    const { invoke } = startCore();
    await expect(invoke('machine:set-limits', { name: 'debian' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Nothing to change'),
    });
    await expect(invoke('machine:set-limits', { name: 'debian', memory: '1.5G' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await invoke<Job[]>('jobs:list', {})).toEqual([]);
  });

  it('fails with the version it needs on OrbStack before 2.2, setting nothing', async () => {
    const { invoke, finished, simHome } = startCore({ ORBCTL_SIM_VERSION: '2.1.0' });
    const done = await finished((await invoke<Job>('machine:set-limits', { name: 'debian', cpus: 2 })).id);
    expect(done.state).toBe('failed');
    expect(done.error?.message).toContain('2.2');
    expect((await sim(simHome, 'config', 'show')).stdout).not.toContain('machine.debian.cpu');
  }, 30_000);
});

describe('machine:limits', () => {
  it('reads the limits set at create from config show once, and again only after a change', async () => {
    const { invoke, finished, timings } = startCore();
    const create = await invoke<Job>('machine:create', {
      distro: 'ubuntu',
      name: 'webapi',
      cpus: 2,
      memory: '4G',
      disk: '64G',
    });
    expect((await finished(create.id)).state).toBe('succeeded');
    const reads = () => timings.filter((t) => t.op === 'orbctl config show').length;
    expect(await invoke('machine:limits', { name: 'webapi' })).toEqual({
      supported: true,
      limits: { cpus: 2, memoryMib: 4096, diskBytes: 64 * 1024 ** 3 },
    });
    expect(await invoke('machine:limits', { name: 'debian' })).toEqual({
      supported: true,
      limits: { cpus: null, memoryMib: null, diskBytes: null },
    });
    await invoke('machines:snapshot', {});
    await invoke('machine:limits', { name: 'webapi' });
    expect(reads()).toBe(1);
    // A stop changes no limits: nothing is read again.
    expect((await finished((await invoke<Job>('machine:stop', { name: 'webapi' })).id)).state).toBe(
      'succeeded',
    );
    await invoke('machine:limits', { name: 'webapi' });
    expect(reads()).toBe(1);

    await finished((await invoke<Job>('machine:set-limits', { name: 'debian', cpus: 3 })).id);
    expect(await invoke('machine:limits', { name: 'debian' })).toMatchObject({ limits: { cpus: 3 } });
    expect(reads()).toBe(2);
  }, 60_000);

  it('says there are none to read before OrbStack 2.2', async () => {
    const { invoke } = startCore({ ORBCTL_SIM_VERSION: '2.1.0' });
    expect(await invoke('machine:limits', { name: 'debian' })).toEqual({ supported: false });
  });
});

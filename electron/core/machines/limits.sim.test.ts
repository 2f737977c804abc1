import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, sim, startCore } from '../../../test/helpers/core';

// Change Limits…: `config set machine.NAME.cpu|memory_mib|disk_bytes` as one job, through the whole core and the
// real simulator (docs/orbctl.md#config).
disposeCoresAfterEach();

const limit = (simHome: string, key: string) => sim(simHome, 'config', 'get', key).stdout.trim();

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
    expect(limit(simHome, 'machine.debian.cpu')).toBe('2');
    expect(limit(simHome, 'machine.debian.memory_mib')).toBe('4096');
    expect(limit(simHome, 'machine.debian.disk_bytes')).toBe('');

    await finished((await invoke<Job>('machine:set-limits', { name: 'debian', disk: '64G' })).id);
    expect(limit(simHome, 'machine.debian.disk_bytes')).toBe(String(64 * 1024 ** 3));
    expect(limit(simHome, 'machine.debian.cpu')).toBe('2');
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
    expect(sim(simHome, 'config', 'show').stdout).not.toContain('machine.debian.cpu');
  }, 30_000);
});

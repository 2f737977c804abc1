import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, startCore, until } from '../../../test/helpers/core';

// Cancels that came too late, and files that are not exports, through the whole core and the simulator.
disposeCoresAfterEach();

describe('honest cancel', () => {
  it('reports a clone that was made anyway, with the machine to clean up', async () => {
    const { invoke, finished, core } = startCore({ ORBCTL_SIM_FAULT: 'hang-after:clone' });
    const job = await invoke<Job>('machine:clone', { name: 'debian', newName: 'debian-copy' });
    await until(() => core.machines.snapshot().machines.some((m) => m.name === 'debian-copy'));
    await invoke('jobs:cancel', { id: job.id });
    expect(await finished(job.id)).toMatchObject({
      state: 'succeeded',
      outcome: 'The cancel came too late: debian-copy was created anyway.',
      leftover: { machine: 'debian-copy' },
    });
  });

  it('reports a create that orbctl never returned from, instead of calling it cancelled', async () => {
    const { invoke, finished, core } = startCore({ ORBCTL_SIM_FAULT: 'hang-after:create' });
    const job = await invoke<Job>('machine:create', { distro: 'alpine', name: 'fresh' });
    await until(() => core.machines.snapshot().machines.some((m) => m.name === 'fresh'), 15_000);
    await invoke('jobs:cancel', { id: job.id });
    expect(await finished(job.id)).toMatchObject({ state: 'succeeded', leftover: { machine: 'fresh' } });
  });

  it('says cancelled when nothing was made', async () => {
    const { invoke, finished, core } = startCore({ ORBCTL_SIM_FAULT: 'hang:clone' });
    const job = await invoke<Job>('machine:clone', { name: 'debian', newName: 'debian-copy' });
    await until(() => core.jobs.get(job.id).state === 'running');
    await new Promise((r) => setTimeout(r, 300));
    await invoke('jobs:cancel', { id: job.id });
    expect(await finished(job.id)).toMatchObject({
      state: 'cancelled',
      outcome: 'Cancelled; no copy was made.',
    });
    expect(core.machines.snapshot().machines.some((m) => m.name === 'debian-copy')).toBe(false);
  });
});

describe('bad import files', () => {
  it('refuses a 2 GB sparse file from its first bytes', async () => {
    const { invoke, outDir } = startCore();
    const path = join(outDir, 'huge.tar.zst');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3);
    closeSync(fd);
    // A sparse file reads as zeros: the header check (16 bytes) refuses it as "not a zstd file".
    await expect(invoke('import:inspect', { path })).rejects.toMatchObject({
      code: 'BAD_EXPORT_FILE',
      message: expect.stringContaining('not an OrbStack machine export'),
    });
  });

  it('names a missing file and a folder plainly', async () => {
    const { invoke, outDir } = startCore();
    await expect(invoke('import:inspect', { path: join(outDir, 'nope.tar.zst') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('nope.tar.zst'),
    });
    await expect(invoke('machine:import', { path: 'relative.tar.zst', name: 'x1' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      detail: { field: 'path' },
    });
  });
});

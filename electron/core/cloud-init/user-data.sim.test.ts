import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SetupRecord } from '../../../shared/ipc/types';
import type { Job } from '../../../shared/jobs';
import type { Preset } from '../../../shared/presets';
import { disposeCoresAfterEach, startCore } from '../../../test/helpers/core';

// The New Machine editor sends cloud-init as text; the core checks it and hands orbctl a file.
disposeCoresAfterEach();

describe('cloud-init as text', () => {
  it('refuses text with errors, naming the lines, before any job', async () => {
    const { invoke, core } = startCore();
    await expect(
      invoke('machine:create', { distro: 'ubuntu', name: 'box', cloudInit: 'packages:\n\t- git\n' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The cloud-init user data has a problem.',
      detail: { notes: [expect.stringMatching(/^Line 1: The first line must be “#cloud-config”/)] },
    });
    await expect(
      invoke('machine:create', {
        distro: 'ubuntu',
        name: 'box',
        cloudInit: '#cloud-config\n',
        cloudInitPath: '/tmp/user-data.yaml',
      }),
    ).rejects.toThrow('Give cloud-init as a file or as text, not both.');
    expect(core.jobs.list()).toEqual([]);
  });

  it('creates with it (the machine is then set up), and leaves no file behind', async () => {
    const { invoke, core, dataDir } = startCore({ ORBCTL_SIM_CLOUD_INIT_MS: '60000' });
    const job = await invoke<Job>('machine:create', {
      distro: 'ubuntu',
      name: 'box',
      cloudInit: '#cloud-config\nruncmd:\n  - echo ready\n',
    });
    await core.jobs.whenIdle();
    expect(core.jobs.get(job.id).state).toBe('succeeded');
    expect((await core.orbctl.info('box')).variant).toBe('cloud');
    expect((await invoke<SetupRecord[]>('setup:list', {})).map((r) => r.name)).toEqual(['box']);
    const folder = join(dataDir, 'cloud-init');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  }, 30_000);

  it('saves a preset with the text, checked the same way', async () => {
    const { invoke } = startCore();
    const preset = await invoke<Preset>('presets:save', {
      name: 'Web',
      distro: 'ubuntu',
      cloudInit: '#cloud-config\npackages:\n  - nginx\n',
    });
    expect(preset.cloudInit).toBe('#cloud-config\npackages:\n  - nginx\n');
    await expect(
      invoke('presets:save', {
        name: 'Bad',
        distro: 'ubuntu',
        cloudInit: '#cloud-config\npackages: nginx\n',
      }),
    ).rejects.toMatchObject({
      detail: { notes: [expect.stringMatching(/^Line 2: “packages:” must be a list/)] },
    });
  });
});

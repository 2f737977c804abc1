import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import type { Preset } from '../../../shared/presets';
import { disposeCoresAfterEach, sim, startCore } from '../../../test/helpers/core';

// Presets through the whole core, and a machine created from one by the real simulator.
disposeCoresAfterEach();

describe('presets', () => {
  it('saves the form with its cloud-init content, survives a restart, and creates a machine in one call', async () => {
    const { invoke, finished, outDir, dataDir, simHome } = startCore();
    const userData = join(outDir, 'user-data.yaml');
    writeFileSync(userData, '#cloud-config\npackages: [git]\n');
    const saved = await invoke<Preset>('presets:save', {
      name: 'Web box',
      distro: 'debian',
      user: 'dev',
      cloudInitPath: userData,
    });
    expect(saved).toMatchObject({
      name: 'Web box',
      distro: 'debian',
      user: 'dev',
      cloudInit: '#cloud-config\npackages: [git]\n',
    });
    const again = startCore({}, dataDir);
    expect(await again.invoke<Preset[]>('presets:list', {})).toEqual([saved]);

    const job = await invoke<Job>('machine:create-from-preset', { id: saved.id });
    const done = await finished(job.id);
    expect(done).toMatchObject({ state: 'succeeded', machine: 'debian-2' });
    const info = JSON.parse((await sim(simHome, 'info', 'debian-2', '-f', 'json')).stdout);
    expect(info.record).toMatchObject({
      config: { default_username: 'dev' },
      image: { distro: 'debian', variant: 'cloud' },
    });
  }, 30_000);

  it('edits, duplicates and deletes', async () => {
    const { invoke } = startCore();
    const a = await invoke<Preset>('presets:save', { name: 'A', distro: 'alpine' });
    const edited = await invoke<Preset>('presets:save', {
      id: a.id,
      name: 'A',
      distro: 'alpine',
      version: '3.22',
    });
    expect(edited).toEqual({ ...a, version: '3.22' });
    const copy = await invoke<Preset>('presets:duplicate', { id: a.id });
    expect(copy).toMatchObject({ name: 'A copy', distro: 'alpine', version: '3.22' });
    expect(copy.id).not.toBe(a.id);
    await invoke('presets:delete', { id: a.id });
    expect((await invoke<Preset[]>('presets:list', {})).map((p) => p.name)).toEqual(['A copy']);
    await expect(invoke('presets:delete', { id: a.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports and imports a file, and refuses a file with bad fields whole, naming each', async () => {
    const first = startCore();
    await first.invoke('presets:save', { name: 'Big', distro: 'ubuntu', cpus: 4, memory: '8G' });
    const { text } = await first.invoke<{ text: string }>('presets:export', {});
    const other = startCore();
    expect(await other.invoke('presets:import', { text })).toEqual({ added: 1, replaced: 0 });
    expect(await other.invoke('presets:import', { text })).toEqual({ added: 0, replaced: 1 });
    const bad = JSON.stringify({
      orbdeck: 'presets',
      version: 1,
      presets: [
        { name: 'ok', distro: 'ubuntu' },
        { name: 'x', distro: 'ubuntu', memory: 'lots', arch: 'sparc' },
      ],
    });
    await expect(other.invoke('presets:import', { text: bad })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Nothing was imported: the presets file has 2 problems.',
      detail: {
        notes: [
          expect.stringMatching(/^presets\[1\]\.arch: /),
          expect.stringMatching(/^presets\[1\]\.memory: /),
        ],
      },
    });
    expect((await other.invoke<Preset[]>('presets:list', {})).map((p) => p.name)).toEqual(['Big']);
  });
});

describe('the cloud-init a preset carries', () => {
  it('is on disk only while its machine is created, and gone once the job ends', async () => {
    const { invoke, finished, dataDir } = startCore();
    const saved = await invoke<Preset>('presets:save', {
      name: 'Setup',
      distro: 'ubuntu',
      cloudInit: '#cloud-config\npackages: [git]\n',
    });
    const job = await invoke<Job>('machine:create-from-preset', { id: saved.id });
    expect((await finished(job.id)).state).toBe('succeeded');
    const folder = join(dataDir, 'cloud-init');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('of an imported file is checked as the editor checks it: a bad one is refused with its line', async () => {
    const { invoke } = startCore();
    const text = JSON.stringify({
      orbdeck: 'presets',
      version: 1,
      presets: [
        { name: 'Fine', distro: 'ubuntu', cloudInit: '#cloud-config\npackages: [git]\n' },
        { name: 'Broken', distro: 'ubuntu', cloudInit: '#cloud-config\npackages: git\n' },
      ],
    });
    for (const channel of ['presets:preview', 'presets:import']) {
      await expect(invoke(channel, { text })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(
          /^Nothing was imported: the presets file has a problem\. presets\[1\]\.cloudInit: Line 2: /,
        ),
      });
    }
    expect(await invoke<Preset[]>('presets:list', {})).toEqual([]);
  });

  it('of a file saved in a preset is checked too', async () => {
    const { invoke, outDir } = startCore();
    const file = join(outDir, 'user-data.yaml');
    writeFileSync(file, '#cloud-config\nruncmd: reboot\n');
    await expect(
      invoke('presets:save', { name: 'From file', distro: 'ubuntu', cloudInitPath: file }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      detail: { notes: [expect.stringMatching(/^Line 2: /)] },
    });
  });

  it('is shown before an import is saved, with the presets it would replace', async () => {
    const { invoke } = startCore();
    await invoke('presets:save', { name: 'Web', distro: 'debian' });
    const text = JSON.stringify({
      orbdeck: 'presets',
      version: 1,
      presets: [
        { name: 'Web', distro: 'ubuntu', cloudInit: '#cloud-config\nruncmd:\n  - curl x | sh\n' },
        { name: 'Plain', distro: 'alpine' },
      ],
    });
    expect(await invoke('presets:preview', { text })).toEqual({
      presets: [
        {
          name: 'Web',
          distro: 'ubuntu',
          cloudInit: '#cloud-config\nruncmd:\n  - curl x | sh\n',
          replaces: true,
        },
        { name: 'Plain', distro: 'alpine', replaces: false },
      ],
    });
    expect((await invoke<Preset[]>('presets:list', {})).map((p) => p.distro)).toEqual(['debian']);
  });
});

describe('orbdeck:// links (carried out after the window asked)', () => {
  it('stops a machine, exports to the export folder, creates from a preset by name, and refuses what it does not know', async () => {
    const { invoke, finished, core, outDir, simHome } = startCore();
    core.settings.set({ exportFolder: outDir });
    const stop = await invoke<{ job: Job }>('link:open', { url: 'orbdeck://machine/ubuntu/stop' });
    expect((await finished(stop.job.id)).state).toBe('succeeded');
    expect(JSON.parse((await sim(simHome, 'info', 'ubuntu', '-f', 'json')).stdout).record.state).toBe(
      'stopped',
    );
    const exported = await invoke<{ job: Job }>('link:open', { url: 'orbdeck://machine/debian/export' });
    const done = await finished(exported.job.id);
    expect(done.state).toBe('succeeded');
    expect(done.path).toMatch(new RegExp(`^${outDir}/debian-\\d{8}-\\d{6}\\.tar\\.zst$`));
    await invoke('presets:save', { name: 'Small box', distro: 'alpine' });
    const made = await invoke<{ job: Job }>('link:open', { url: 'orbdeck://preset/Small%20box/create' });
    expect(made.job.machine).toMatch(/^alpine/);
    expect(await invoke('link:open', { url: 'orbdeck://machine/ubuntu' })).toEqual({ job: null });
    await expect(invoke('link:open', { url: 'orbdeck://machine/ubuntu/delete' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(invoke('link:open', { url: 'orbdeck://preset/Nope/create' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await core.jobs.whenIdle();
  }, 40_000);
});

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportBundle, ExportIndex, FolderPreview } from '../../../shared/ipc/types';
import type { Job } from '../../../shared/jobs';
import { isGrant } from '../../../shared/files';
import { disposeCoresAfterEach, startCore } from '../../../test/helpers/core';

// Export for a New Mac… writes several exports and an index into one folder; the folder, dropped
// on OrbDeck elsewhere, is previewed whole and says what is missing.
disposeCoresAfterEach();

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const readIndex = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'orbdeck-index.json'), 'utf8')) as ExportIndex;

describe('Export for a New Mac', () => {
  it('exports each machine with its checksum, and an index that records how each export ended', async () => {
    const { invoke, core, outDir } = startCore({ ORBCTL_SIM_SPEED: '20' });
    const bundle = await invoke<ExportBundle>('machine:export-bundle', {
      names: ['alpine', 'debian', 'no-such-machine'],
      folder: outDir,
    });
    expect(bundle.refused).toEqual([]);
    expect(bundle.jobs).toHaveLength(3);
    // Written at once, before any export ended: an index cut short says so.
    expect(readIndex(outDir).machines.map((e) => [e.machine, e.state])).toEqual([
      ['alpine', 'exporting'],
      ['debian', 'exporting'],
      ['no-such-machine', 'exporting'],
    ]);

    await core.jobs.whenIdle();
    await expect.poll(() => readIndex(outDir).machines.every((e) => e.state !== 'exporting')).toBe(true);
    const index = readIndex(outDir);
    expect(index.format).toBe('orbdeck-export-index');
    const [alpine, debian, missing] = index.machines;
    for (const entry of [alpine!, debian!]) {
      const file = join(outDir, entry.file);
      expect(entry).toMatchObject({ state: 'exported', sha256: sha(file) });
      expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${sha(file)}  ${entry.file}\n`);
    }
    expect(alpine).toMatchObject({ distro: 'alpine', distroVersion: '3.22' });
    expect(missing).toMatchObject({ machine: 'no-such-machine', state: 'failed' });
    expect(missing!.reason).toMatch(/no-such-machine/);
    // The other Mac hears why it is not there.
    const preview = await invoke<FolderPreview>('import:inspect-folder', { path: outDir });
    expect(preview.items.map((i) => i.name)).toEqual(['alpine', 'debian']);
    expect(preview.problems).toEqual([
      `no-such-machine was not exported on the other Mac: ${missing!.reason}`,
    ]);
  }, 60_000);

  it('previews a folder whole: free names for all, and what its index says is missing or unfinished', async () => {
    const { invoke, core, outDir } = startCore({ ORBCTL_SIM_SPEED: '20' });
    await invoke<ExportBundle>('machine:export-bundle', {
      names: ['alpine', 'debian', 'fedora'],
      folder: outDir,
    });
    await core.jobs.whenIdle();
    await expect.poll(() => readIndex(outDir).machines.every((e) => e.state === 'exported')).toBe(true);

    const whole = await invoke<FolderPreview>('import:inspect-folder', { path: outDir });
    expect(whole).toMatchObject({ folder: outDir, indexed: true, problems: [] });
    expect(whole.items.map((i) => [i.name, i.proposedName, i.checksum])).toEqual([
      ['alpine', 'alpine-2', 'present'],
      ['debian', 'debian-2', 'present'],
      ['fedora', 'fedora-2', 'present'],
    ]);

    // A file lost on the way, one export cut short, a foreign file under the export suffix.
    const index = readIndex(outDir);
    rmSync(join(outDir, index.machines[1]!.file));
    index.machines[2]!.state = 'exporting';
    writeFileSync(join(outDir, 'orbdeck-index.json'), JSON.stringify(index));
    writeFileSync(join(outDir, 'notes.tar.zst'), 'not an export');
    const damaged = await invoke<FolderPreview>('import:inspect-folder', { path: outDir });
    expect(damaged.items.map((i) => i.name)).toEqual(['alpine', 'fedora']);
    expect(damaged.problems).toEqual([
      `${index.machines[1]!.file} (debian) is listed in the index but is not in the folder: copy it again.`,
      `fedora: the export had not finished when the index was last written; ${index.machines[2]!.file} may be incomplete.`,
      expect.stringMatching(/^notes\.tar\.zst: /),
    ]);

    // Every item imports as its own job under its proposed name.
    const jobs = [];
    for (const item of damaged.items)
      jobs.push(await invoke<Job>('machine:import', { path: item.ref, name: item.proposedName }));
    await core.jobs.whenIdle();
    expect(jobs.map((j) => core.jobs.get(j.id).state)).toEqual(['succeeded', 'succeeded']);
    const names = (await core.orbctl.list()).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['alpine-2', 'fedora-2']));
  }, 60_000);

  it('reads a folder of exports without an index, and refuses a folder with none', async () => {
    const { invoke, finished, outDir } = startCore({ ORBCTL_SIM_SPEED: '20' });
    const job = await invoke<Job>('machine:export', { name: 'alpine', path: join(outDir, 'a.tar.zst') });
    await finished(job.id);
    const preview = await invoke<FolderPreview>('import:inspect-folder', { path: outDir });
    expect(preview).toMatchObject({ indexed: false, problems: [] });
    expect(preview.items.map((i) => i.name)).toEqual(['alpine']);

    const empty = join(outDir, 'empty');
    mkdirSync(empty);
    await expect(invoke('import:inspect-folder', { path: empty })).rejects.toThrow(
      `There is no machine export in '${empty}'.`,
    );
    await expect(invoke('import:inspect-folder', { path: join(outDir, 'a.tar.zst') })).rejects.toThrow(
      /There is no folder at/,
    );
  }, 30_000);

  it('keeps a foreign orbdeck-index.json and says so; refuses a folder it may not write', async () => {
    const { invoke, core, outDir } = startCore({ ORBCTL_SIM_SPEED: '20' });
    writeFileSync(join(outDir, 'orbdeck-index.json'), '{"mine": true}');
    const bundle = await invoke<ExportBundle>('machine:export-bundle', { names: ['alpine'], folder: outDir });
    expect(bundle.note).toBe(
      "'orbdeck-index.json' already exists and is not OrbDeck's, so no index was written.",
    );
    await core.jobs.whenIdle();
    expect(readFileSync(join(outDir, 'orbdeck-index.json'), 'utf8')).toBe('{"mine": true}');
    await expect(
      invoke('machine:export-bundle', { names: ['alpine'], folder: join(outDir, 'nope') }),
    ).rejects.toThrow(/does not exist/);
  }, 30_000);

  it('in Electron, hands out a grant for each export found in a granted folder', async () => {
    const { invoke, invokeAsElectron, core, outDir } = startCore({ ORBCTL_SIM_SPEED: '20' });
    await invoke<ExportBundle>('machine:export-bundle', { names: ['alpine'], folder: outDir });
    await core.jobs.whenIdle();
    await expect(invokeAsElectron('import:inspect-folder', { path: outDir })).rejects.toThrow(
      /only uses files you chose/,
    );
    const folder = core.grants.grant(outDir, 'read', 'drop');
    const preview = await invokeAsElectron<FolderPreview>('import:inspect-folder', { path: folder.ref });
    expect(preview.items).toHaveLength(1);
    expect(isGrant(preview.items[0]!.ref)).toBe(true);
    const job = await invokeAsElectron<Job>('machine:import', { path: preview.items[0]!.ref, name: 'moved' });
    await core.jobs.whenIdle();
    expect(core.jobs.get(job.id).state).toBe('succeeded');
  }, 30_000);
});

import { mkdtempSync, readdirSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc/contract';
import type { Settings } from '../../../shared/ipc/settings';
import type { Job } from '../../../shared/jobs';
import { tinyDisk, tinyDiskSupported, type TinyDisk } from '../../../test/helpers/disks';
import { disposeCoresAfterEach, forgetCore, startCore } from '../../../test/helpers/core';
import { JobHistory } from './history';

// The whole core with a data folder that refuses writes: the app keeps running, every job's result stays
// visible, the user is told once, and what could not be saved is written when the disk takes it again.
disposeCoresAfterEach();

const texts = (notices: Notice[]) => notices.map((n) => n.text);

describe.runIf(process.platform === 'linux')('the core on a data folder that refuses writes', () => {
  it('keeps running and keeps the job when history.jsonl is a full disk (/dev/full)', async () => {
    const { invoke, finished, dataDir, core } = startCore();
    const history = join(dataDir, 'history.jsonl');
    writeFileSync(history, '');
    renameSync(history, `${history}.real`);
    symlinkSync('/dev/full', history);

    const first = await finished((await invoke<Job>('machine:stop', { name: 'ubuntu' })).id);
    const second = await finished((await invoke<Job>('machine:start', { name: 'ubuntu' })).id);
    expect([first.state, second.state]).toEqual(['succeeded', 'succeeded']);
    expect((await invoke<Job[]>('jobs:history', {})).map((e) => e.id)).toEqual([first.id, second.id]);
    const notices = await invoke<Notice[]>('notices:list', {});
    expect(texts(notices)).toEqual([
      'History could not be saved: the disk is full. Finished jobs stay listed and are written when saving works again.',
    ]);
    expect(notices[0]!.level).toBe('warning');

    unlinkSync(history);
    renameSync(`${history}.real`, history);
    const third = await finished((await invoke<Job>('machine:stop', { name: 'ubuntu' })).id);
    await core.dispose();
    forgetCore(core);
    expect(new JobHistory(history).list().map((e) => e.id)).toEqual([first.id, second.id, third.id]);
  });

  it('keeps running when the data folder is a file (ENOTDIR): jobs, settings and exports go on', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'orbdeck-notdir-'));
    const { invoke, finished, outDir } = startCore(
      { ORBCTL_SIM_HOME: join(parent, 'sim') },
      join(parent, 'data'),
    );
    writeFileSync(join(parent, 'data'), 'not a folder'); // after start-up: the folder is replaced by a file
    const job = await finished((await invoke<Job>('machine:stop', { name: 'ubuntu' })).id);
    expect(job.state).toBe('succeeded');
    expect((await invoke<Settings>('settings:set', { pollIntervalMs: 5000 })).pollIntervalMs).toBe(5000);
    // An export saves its folder as a setting first: that must not fail the export.
    const exported = await invoke<Job>('machine:export', { name: 'debian', path: join(outDir, 'd.tar.zst') });
    expect((await finished(exported.id)).state).toBe('succeeded');
    expect(texts(await invoke<Notice[]>('notices:list', {}))).toEqual([
      'Running jobs could not be recorded: the data folder is missing or is not a folder. If OrbDeck quits before they end, what they leave behind cannot be cleaned up at the next start.',
      'History could not be saved: the data folder is missing or is not a folder. Finished jobs stay listed and are written when saving works again.',
      'Settings could not be saved: the data folder is missing or is not a folder. The changes apply until OrbDeck quits; saving is tried again every few seconds until it works.',
    ]);
    expect(await invoke<Job[]>('jobs:history', {})).toHaveLength(2);
  });

  describe.runIf(tinyDiskSupported)('on a real tiny disk (tmpfs, as root)', () => {
    let disk: TinyDisk | undefined;
    afterEach(() => disk?.unmount());

    it('survives a full data folder and then a read-only one, and writes everything once it can', async () => {
      disk = tinyDisk(512);
      const simHome = mkdtempSync(join(tmpdir(), 'orbdeck-sim-'));
      const { invoke, finished, core } = startCore({ ORBCTL_SIM_HOME: simHome }, disk.dir);
      const ids: string[] = [];
      const run = async (channel: string) =>
        ids.push((await finished((await invoke<Job>(channel, { name: 'ubuntu' })).id)).id);
      await run('machine:stop');
      disk.fill();
      await run('machine:start');
      await invoke('settings:set', { pollIntervalMs: 5000 });
      disk.free();
      await disk.readOnly();
      await run('machine:stop');
      await invoke('settings:set', { notifications: false });
      // Each store says once why it cannot write (a small append may still fit a full disk's last block,
      // so which store meets which fault first varies).
      const said = texts(await invoke<Notice[]>('notices:list', {}));
      for (const subject of [
        'History could not be saved',
        'Settings could not be saved',
        'Running jobs could not be recorded',
      ])
        expect(said.filter((t) => t.startsWith(`${subject}: `))).toHaveLength(1);
      for (const text of said) expect(text).toMatch(/: (the disk is full|the data folder is read-only)\. /);
      expect(said).toHaveLength(3);
      disk.writable();
      await run('machine:start');
      await core.dispose();
      forgetCore(core);
      expect(new JobHistory(join(disk.dir, 'history.jsonl')).list().map((e) => e.id)).toEqual(ids);
      const again = startCore({ ORBCTL_SIM_HOME: simHome }, disk.dir);
      expect(again.core.settings.get()).toMatchObject({ pollIntervalMs: 5000, notifications: false });
      expect(readdirSync(disk.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      await again.core.dispose();
      forgetCore(again.core);
    });
  });
});

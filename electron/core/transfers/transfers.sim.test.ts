import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { encodeExportHeader } from '../../../tools/orbctl-sim/export/encode-header';
import { readExportHeader } from '../export-file/read-header';
import { sampleExportConfig } from '../../../test/helpers/export-files';
import { disposeCoresAfterEach, forgetCore, sim, startCore, until } from '../../../test/helpers/core';

// Clone, export, import, queueing and history through the whole core, against the real simulator.
disposeCoresAfterEach();

describe('export', () => {
  it('shows the file growing and leaves a complete export in place', async () => {
    const { invoke, finished, seen, outDir } = startCore({ ORBCTL_SIM_SPEED: '6' });
    const path = join(outDir, 'ubuntu now.tar.zst');
    const job = await invoke<Job>('machine:export', { name: 'ubuntu', path });
    const done = await finished(job.id);
    expect(done.state).toBe('succeeded');
    const sizes = seen
      .filter((j) => j.id === job.id && j.progress?.bytesDone)
      .map((j) => j.progress!.bytesDone!);
    expect(new Set(sizes).size).toBeGreaterThanOrEqual(2);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(statSync(path).size).toBe(done.bytes);
    expect(done.sourceBytes).toBeGreaterThan(0);
    expect((await readExportHeader(path)).record.name).toBe('ubuntu');
    // With its checksum and manifest beside it.
    expect(readdirSync(outDir).sort()).toEqual([
      'ubuntu now.tar.zst',
      'ubuntu now.tar.zst.manifest.json',
      'ubuntu now.tar.zst.sha256',
    ]);
  });

  it('removes the partial file when cancelled', async () => {
    const { invoke, finished, core, outDir } = startCore({ ORBCTL_SIM_SPEED: '1' });
    const job = await invoke<Job>('machine:export', { name: 'ubuntu', path: join(outDir, 'u.tar.zst') });
    await until(() => (core.jobs.get(job.id).progress?.bytesDone ?? 0) > 0);
    await invoke('jobs:cancel', { id: job.id });
    const done = await finished(job.id);
    expect(done).toMatchObject({ state: 'cancelled', outcome: 'Cancelled; the partial file was removed.' });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('fails with the error and leaves no partial file when orbctl dies midway', async () => {
    const { invoke, finished, outDir } = startCore({
      ORBCTL_SIM_FAULT: 'crash:export:0.5',
      ORBCTL_SIM_SPEED: '10',
    });
    const job = await invoke<Job>('machine:export', { name: 'ubuntu', path: join(outDir, 'u.tar.zst') });
    const done = await finished(job.id);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('ORBCTL_FAILED');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('asks before replacing a file, and a failed replacement leaves the old file whole', async () => {
    const { invoke, finished, outDir, simHome } = startCore();
    const path = join(outDir, 'keep.tar.zst');
    const precious = encodeExportHeader(sampleExportConfig());
    writeFileSync(path, precious);
    await expect(invoke('machine:export', { name: 'ubuntu', path })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    await sim(simHome, '__sim', 'fault', 'crash:export:0.5');
    const failed = await invoke<Job>('machine:export', { name: 'ubuntu', path, overwrite: true });
    expect((await finished(failed.id)).state).toBe('failed');
    expect(readFileSync(path)).toEqual(precious);
    expect(readdirSync(outDir)).toEqual(['keep.tar.zst']);
    await sim(simHome, '__sim', 'fault');
    const replaced = await invoke<Job>('machine:export', { name: 'ubuntu', path, overwrite: true });
    expect((await finished(replaced.id)).state).toBe('succeeded');
    expect((await readExportHeader(path)).record.name).toBe('ubuntu');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('two exports to one path: the second is refused while the first runs, and nothing is lost', async () => {
    const { invoke, finished, outDir, simHome } = startCore();
    await sim(simHome, '__sim', 'fault', 'slow:export:1500');
    const path = join(outDir, 'same.tar.zst');
    const first = await invoke<Job>('machine:export', { name: 'ubuntu', path });
    await expect(invoke('machine:export', { name: 'debian', path, overwrite: true })).rejects.toMatchObject({
      code: 'BUSY',
      message: `Another export is already writing '${path}'.`,
    });
    expect((await finished(first.id)).state).toBe('succeeded');
    expect((await readExportHeader(path)).record.name).toBe('ubuntu');
    // Once it is there, a new export to the same path asks first, as for any existing file.
    await expect(invoke('machine:export', { name: 'debian', path })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
  });

  it('never writes over a file that is not an OrbStack export, even when asked to replace it', async () => {
    const { invoke, outDir } = startCore();
    const path = join(outDir, 'notes.tar.zst');
    writeFileSync(path, 'my notes');
    await expect(invoke('machine:export', { name: 'ubuntu', path, overwrite: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });
});

describe('import', () => {
  it('refuses a file that is not an export before orbctl ever runs', async () => {
    const { timings, invoke, core, outDir } = startCore();
    const path = join(outDir, 'notes.txt');
    writeFileSync(path, 'just some text');
    await expect(invoke('machine:import', { path, name: 'notes' })).rejects.toMatchObject({
      code: 'BAD_EXPORT_FILE',
    });
    await expect(invoke('import:inspect', { path: outDir })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    writeFileSync(join(outDir, 'empty.tar.zst'), '');
    await expect(invoke('import:inspect', { path: join(outDir, 'empty.tar.zst') })).rejects.toMatchObject({
      code: 'BAD_EXPORT_FILE',
      message: expect.stringContaining('empty'),
    });
    expect(timings.some((r) => r.op.startsWith('orbctl import'))).toBe(false);
    expect(core.jobs.list()).toEqual([]);
  });

  it('previews an export, refuses a name clash, and imports under a free name', async () => {
    const { invoke, finished, outDir } = startCore();
    const path = join(outDir, 'debian.tar.zst');
    await finished((await invoke<Job>('machine:export', { name: 'debian', path })).id);
    const preview = await invoke<{ name: string; distro: string; proposedName: string }>('import:inspect', {
      path,
    });
    expect(preview).toMatchObject({ name: 'debian', distro: 'debian', proposedName: 'debian-2' });
    await expect(invoke('machine:import', { path, name: 'debian' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    const job = await invoke<Job>('machine:import', { path, name: 'debian-2' });
    expect((await finished(job.id)).state).toBe('succeeded');
    const snapshot = await invoke<{ machines: Array<{ name: string; state: string }> }>(
      'machines:refresh',
      {},
    );
    expect(snapshot.machines.find((m) => m.name === 'debian-2')?.state).toBe('stopped');
  });
});

describe('queueing', () => {
  it('runs one job at a time per machine, and at most two heavy jobs at once', async () => {
    const { invoke, core, seen, outDir } = startCore({ ORBCTL_SIM_SPEED: '8' });
    const exports = await Promise.all(
      ['ubuntu', 'fedora', 'debian'].map((name) =>
        invoke<Job>('machine:export', { name, path: join(outDir, `${name}.tar.zst`) }),
      ),
    );
    const stop = await invoke<Job>('machine:stop', { name: 'ubuntu' });
    await until(() => core.jobs.get(stop.id).state === 'queued' && !!core.jobs.get(stop.id).waitingFor);
    expect(core.jobs.get(stop.id).waitingFor).toContain('Export ubuntu');
    await core.jobs.whenIdle();
    let running = 0;
    let most = 0;
    const state = new Map<string, string>();
    for (const job of seen) {
      if (!exports.some((e) => e.id === job.id)) continue;
      const before = state.get(job.id);
      if (before !== 'running' && job.state === 'running') running++;
      if (before === 'running' && job.state !== 'running') running--;
      state.set(job.id, job.state);
      most = Math.max(most, running);
    }
    expect(most).toBe(2);
    expect(exports.map((e) => core.jobs.get(e.id).state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const stopJob = core.jobs.get(stop.id);
    expect(stopJob.startedAt!).toBeGreaterThanOrEqual(core.jobs.get(exports[0]!.id).endedAt!);
  });
});

describe('history', () => {
  it('survives a restart and feeds the next estimate', async () => {
    const first = startCore();
    const job = await first.invoke<Job>('machine:export', {
      name: 'ubuntu',
      path: join(first.outDir, 'a.tar.zst'),
    });
    await first.finished(job.id);
    await first.core.dispose();
    forgetCore(first.core);

    const again = startCore({}, first.dataDir);
    const history = await again.invoke<Job[]>('jobs:history', {});
    expect(history.map((h) => h.id)).toContain(job.id);
    const next = await again.invoke<Job>('machine:export', {
      name: 'ubuntu',
      path: join(again.outDir, 'b.tar.zst'),
    });
    await again.finished(next.id);
    const withEstimate = again.seen.find((j) => j.id === next.id && j.progress?.bytesTotal);
    expect(withEstimate?.progress?.basis).toBe('estimate from 1 earlier export');
    const csv = await again.invoke<{ text: string }>('jobs:history-export', { format: 'csv' });
    expect(csv.text.split('\r\n')[0]).toMatch(/^id,kind,machine/);
  });
});

describe('clone', () => {
  it('makes a stopped copy under the new name', async () => {
    const { invoke, finished } = startCore();
    const job = await invoke<Job>('machine:clone', { name: 'ubuntu', newName: 'ubuntu-copy' });
    expect((await finished(job.id)).state).toBe('succeeded');
    const snapshot = await invoke<{ machines: Array<{ name: string; state: string }> }>(
      'machines:refresh',
      {},
    );
    expect(snapshot.machines.find((m) => m.name === 'ubuntu-copy')?.state).toBe('stopped');
    await expect(invoke('machine:clone', { name: 'ubuntu', newName: 'ubuntu-copy' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    await expect(invoke('machine:clone', { name: 'ubuntu', newName: 'my_copy' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

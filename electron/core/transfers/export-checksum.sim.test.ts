import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportCheck, ExportManifest, ImportPreview } from '../../../shared/ipc/types';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, startCore, until } from '../../../test/helpers/core';

// Every export carries a checksum and a manifest; the preview and Verify Export read them.
disposeCoresAfterEach();

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('exports you can trust', () => {
  it('writes a sha256sum file and a manifest beside the export, private, matching the file', async () => {
    const { invoke, finished, outDir, core } = startCore({ ORBCTL_SIM_SPEED: '10' });
    const path = join(outDir, 'ubuntu.tar.zst');
    const job = await invoke<Job>('machine:export', { name: 'ubuntu', path });
    const done = await finished(job.id);
    expect(done.state).toBe('succeeded');
    expect(done.outcome).toBeUndefined();

    const line = readFileSync(`${path}.sha256`, 'utf8');
    expect(line).toBe(`${sha(path)}  ubuntu.tar.zst\n`);
    // The standard tool agrees, run where the files are.
    const check = spawnSync('sha256sum', ['-c', 'ubuntu.tar.zst.sha256'], { cwd: outDir, encoding: 'utf8' });
    expect(check.stdout).toBe('ubuntu.tar.zst: OK\n');

    const manifest = JSON.parse(readFileSync(`${path}.manifest.json`, 'utf8')) as ExportManifest;
    const info = await core.orbctl.info('ubuntu');
    expect(manifest).toMatchObject({
      format: 'orbdeck-export-manifest',
      version: 1,
      file: 'ubuntu.tar.zst',
      machine: 'ubuntu',
      distro: info.distro,
      distroVersion: info.version,
      arch: info.arch,
      size: statSync(path).size,
      sha256: sha(path),
    });
    expect(manifest.orbstackVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number.isNaN(Date.parse(manifest.exportedAt))).toBe(false);
    for (const f of [`${path}.sha256`, `${path}.manifest.json`]) expect(statSync(f).mode & 0o777).toBe(0o600);
  }, 30_000);

  it('says verified, damaged or missing, in the preview and when verifying', async () => {
    const { invoke, finished, outDir } = startCore({ ORBCTL_SIM_SPEED: '20' });
    const path = join(outDir, 'alpine.tar.zst');
    await finished((await invoke<Job>('machine:export', { name: 'alpine', path })).id);

    expect((await invoke<ImportPreview>('import:inspect', { path })).checksum).toBe('present');
    const good = await invoke<ExportCheck>('export:verify', { path, token: 't-1' });
    expect(good).toMatchObject({ verdict: 'verified', message: 'Verified: matches its checksum.' });
    expect(good.actual).toBe(good.expected);

    // One byte changed, same size: only the full check can tell.
    const bytes = readFileSync(path);
    bytes[bytes.length - 10]! ^= 0xff;
    writeFileSync(path, bytes);
    expect((await invoke<ImportPreview>('import:inspect', { path })).checksum).toBe('present');
    const damaged = await invoke<ExportCheck>('export:verify', { path, token: 't-2' });
    expect(damaged).toMatchObject({
      verdict: 'mismatch',
      message: 'Does not match its checksum: the file changed or is damaged.',
    });
    // Cut short: the manifest's size already tells.
    writeFileSync(path, bytes.subarray(0, bytes.length - 100));
    expect((await invoke<ImportPreview>('import:inspect', { path })).checksum).toBe('mismatch');

    const bare = join(outDir, 'copy.tar.zst');
    writeFileSync(bare, bytes);
    expect((await invoke<ImportPreview>('import:inspect', { path: bare })).checksum).toBe('missing');
    expect(await invoke<ExportCheck>('export:verify', { path: bare, token: 't-3' })).toMatchObject({
      verdict: 'missing',
      message: 'No checksum beside it.',
    });
  }, 30_000);

  it('an export still being written is not judged, and a damaged one can still be imported', async () => {
    const { invoke, finished, outDir, core } = startCore({
      ORBCTL_SIM_SPEED: '20',
      ORBCTL_SIM_FAULT: 'slow:export@ubuntu:30000',
    });
    const path = join(outDir, 'ubuntu.tar.zst');
    const first = await invoke<Job>('machine:export', { name: 'alpine', path: join(outDir, 'a.tar.zst') });
    await finished(first.id);
    const job = await invoke<Job>('machine:export', { name: 'ubuntu', path });
    // The target exists (a file of the same name from before) while the new export writes its partial file.
    writeFileSync(path, readFileSync(join(outDir, 'a.tar.zst')));
    expect(await invoke<ExportCheck>('export:verify', { path, token: 't-4' })).toMatchObject({
      verdict: 'writing',
    });
    await invoke('jobs:cancel', { id: job.id });
    await finished(job.id);

    const a = join(outDir, 'a.tar.zst');
    const bytes = readFileSync(a);
    // A byte inside the machine's data: the archive still reads, only the checksum can tell.
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(a, bytes);
    expect((await invoke<ExportCheck>('export:verify', { path: a, token: 't-5' })).verdict).toBe('mismatch');
    const imported = await invoke<Job>('machine:import', { path: a, name: 'alpine-2' });
    expect((await finished(imported.id)).state).toBe('succeeded');
    expect((await core.machines.refresh()).machines.some((m) => m.name === 'alpine-2')).toBe(true);
  }, 20_000);

  it('reports progress of a long check and stops when cancelled', async () => {
    const { invoke, outDir, core } = startCore();
    const path = join(outDir, 'big.tar.zst');
    writeFileSync(path, Buffer.alloc(96 << 20, 7));
    writeFileSync(`${path}.sha256`, `${'0'.repeat(64)}  big.tar.zst\n`);
    const seen: number[] = [];
    core.events.on('export:verify-progress', (p) => p.token === 't-6' && seen.push(p.bytesDone));
    const check = await invoke<ExportCheck>('export:verify', { path, token: 't-6' });
    expect(check.verdict).toBe('mismatch');
    expect(seen.at(-1)).toBe(96 << 20);

    let started = false;
    core.events.on('export:verify-progress', (p) => {
      if (p.token === 't-7') started = true;
    });
    const pending = invoke('export:verify', { path, token: 't-7' });
    await until(() => started, 5000);
    await invoke('export:verify-cancel', { token: 't-7' });
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  }, 30_000);
});

import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChosenFile } from '../../../shared/files';
import type { Settings } from '../../../shared/ipc/settings';
import type { Job } from '../../../shared/jobs';
import type { Desktop } from '../platform/desktop';
import { createCore, type Core } from '../app-core';
import { disposeCoresAfterEach, SIM, startCore } from '../../../test/helpers/core';
import { recordedCalls, writeFake } from '../../../test/helpers/processes';

// What a window (or a page pretending to be one) can make the core read, write or run: the orbctl to use, and
// the files of imports, exports, pushes and cloud-init, over both transports.
disposeCoresAfterEach();
const startedCores: Core[] = [];
afterEach(async () => {
  await Promise.all(startedCores.splice(0).map((c) => c.dispose()));
});

/** A home folder with an SSH key in it, and the desktop's dialogs answering what the test says. */
function setUp(answers: { exportPath?: string; files?: string[]; orbctl?: string | null } = {}) {
  const desktop: Desktop = {
    openExternal: async () => true,
    pickExportPath: async () => answers.exportPath ?? null,
    pickFiles: async () => answers.files ?? [],
    pickOrbctl: async () => answers.orbctl ?? null,
  };
  const home = mkdtempSync(join(tmpdir(), 'orbdeck-home-'));
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
  return { ...startCore({ HOME: home }, undefined, { desktop }), home };
}

describe('the orbctl OrbDeck runs', () => {
  it('cannot be set through settings:set', async () => {
    const { invoke } = setUp();
    await expect(invoke('settings:set', { orbctlPath: '/bin/rm' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await invoke<Settings>('settings:get', {})).orbctlPath).toBeNull();
  });

  it('a typed path in the headless host is kept only if it answers `version` as orbctl does', async () => {
    const { invoke, outDir } = setUp();
    const victim = join(outDir, 'version');
    writeFileSync(victim, 'keep me');
    for (const program of ['/bin/rm', '/bin/echo', '/bin/true', join(outDir, 'missing')]) {
      await expect(invoke('orbctl:choose', { path: program })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/so OrbDeck did not save it as orbctl\.$/),
      });
    }
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect((await invoke<Settings>('settings:get', {})).orbctlPath).toBeNull();
    const chosen = await invoke<{ chosen: boolean }>('orbctl:choose', { path: SIM });
    expect(chosen.chosen).toBe(true);
    expect((await invoke<Settings>('settings:get', {})).orbctlPath).toBe(SIM);
    await invoke('orbctl:choose', { path: null });
    expect((await invoke<Settings>('settings:get', {})).orbctlPath).toBeNull();
  });

  it('a program that floods its answer, or never gives one, is stopped early and refused', async () => {
    const { invoke, outDir } = setUp();
    const flood = writeFake(outDir, 'flood', {
      stdout: `Version: 2.2.0 (2020000)\n${'y\n'.repeat(2_000_000)}`,
    });
    await expect(invoke('orbctl:choose', { path: flood })).rejects.toMatchObject({
      message: `'${flood}' printed far more than orbctl does when asked its “version”, so OrbDeck did not save it as orbctl.`,
    });
    await expect(invoke('orbctl:choose', { path: '/usr/bin/yes' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await invoke<Settings>('settings:get', {})).orbctlPath).toBeNull();
  });

  it('in Electron comes only from the native dialog, and is checked too', async () => {
    const refused = setUp({ orbctl: '/bin/echo' });
    await expect(refused.invokeAsElectron('orbctl:choose', { path: SIM })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(refused.invokeAsElectron('orbctl:choose', {})).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const accepted = setUp({ orbctl: SIM });
    expect(await accepted.invokeAsElectron('orbctl:choose', {})).toMatchObject({ chosen: true });
    const cancelled = setUp({ orbctl: null });
    expect(await cancelled.invokeAsElectron('orbctl:choose', {})).toMatchObject({ chosen: false });
  });
});

describe('a saved orbctl at the next start', () => {
  /** A core outside demo mode whose settings.json names `saved` as orbctl, as a page's write would leave it. */
  function startWithSaved(saved: string) {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-saved-'));
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ orbctlPath: saved }));
    const home = mkdtempSync(join(tmpdir(), 'orbdeck-home-'));
    const core = createCore({
      version: 't',
      dataDir,
      demo: false,
      env: { PATH: '/usr/bin:/bin', HOME: home },
    });
    startedCores.push(core);
    return core;
  }

  it('is checked as orbctl:choose checks it before anything runs it; one that fails runs for nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbdeck-fake-'));
    const log = join(dir, 'calls.log');
    const program = writeFake(dir, 'not-orbctl', { stdout: 'hello\n', recordTo: log });
    const core = startWithSaved(program);
    const snapshot = await core.machines.settledSnapshot();
    expect(snapshot.lastError).toMatchObject({
      code: 'NOT_INSTALLED',
      message: `The orbctl saved in Settings ('${program}') did not answer “version” as orbctl does, so OrbDeck does not run it. Choose orbctl again.`,
    });
    const status = await core.router.invoke('orbctl:status', {}, { transport: 'headless' });
    expect(status).toMatchObject({ ok: true, data: { error: { code: 'NOT_INSTALLED' } } });
    await core.jobs.whenIdle();
    // Only the check ran it, once, with `version`: never `list`, `info` or anything a job would run.
    expect(recordedCalls(log)).toEqual([['version']]);
  });

  it('one that answers like orbctl is used', async () => {
    const core = startWithSaved(SIM);
    expect((await core.orbctl.version()).version).toBe('2.2.0');
  });
});

describe('files in Electron', () => {
  it('a typed path is refused everywhere; a file from the dialog is used through its grant', async () => {
    const { invoke, invokeAsElectron, finished, outDir } = setUp();
    const exported = join(outDir, 'u.tar.zst');
    await finished((await invoke<Job>('machine:export', { name: 'ubuntu', path: exported })).id);
    for (const [channel, request] of [
      ['import:inspect', { path: exported }],
      ['machine:import', { path: exported, name: 'copy' }],
      ['machine:export', { name: 'ubuntu', path: join(outDir, 'x.tar.zst') }],
      ['machine:push', { name: 'ubuntu', paths: [exported] }],
      ['machine:create', { distro: 'ubuntu', name: 'ci', cloudInitPath: exported }],
    ] as const) {
      await expect(invokeAsElectron(channel, request)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'OrbDeck only uses files you chose in a dialog or dropped on its window.',
      });
    }
    expect(existsSync(join(outDir, 'x.tar.zst'))).toBe(false);

    const { files } = await invokeAsElectron<{ files: ChosenFile[] }>('desktop:pick-files', {
      purpose: 'import',
    });
    expect(files).toEqual([]);
    const withFile = setUp({ files: [exported] });
    const picked = await withFile.invokeAsElectron<{ files: ChosenFile[] }>('desktop:pick-files', {
      purpose: 'import',
    });
    expect(picked.files[0]).toMatchObject({ path: exported, name: 'u.tar.zst' });
    const preview = await withFile.invokeAsElectron<{ ref: string; name: string }>('import:inspect', {
      path: picked.files[0]!.ref,
    });
    expect(preview).toMatchObject({ ref: picked.files[0]!.ref, name: 'ubuntu' });
    const job = await withFile.invokeAsElectron<Job>('machine:import', { path: preview.ref, name: 'copy' });
    expect((await withFile.finished(job.id)).state).toBe('succeeded');
    // A grant to read is not a grant to write.
    await expect(
      withFile.invokeAsElectron('machine:export', { name: 'ubuntu', path: preview.ref, overwrite: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('orbdeck:// links in the desktop app', () => {
  it('export only where the save dialog was answered, never into a folder no dialog granted', async () => {
    const exportFolder = mkdtempSync(join(tmpdir(), 'orbdeck-links-'));
    const cancelled = setUp({ exportPath: undefined });
    // A page may set the export folder, but that grants it nothing.
    cancelled.core.settings.set({ exportFolder });
    const link = { url: 'orbdeck://machine/ubuntu/export' };
    expect(await cancelled.invokeAsElectron('link:open', link)).toEqual({ job: null });
    await cancelled.core.jobs.whenIdle();
    expect(readdirSync(exportFolder)).toEqual([]);

    const chosen = join(exportFolder, 'chosen.tar.zst');
    const answered = setUp({ exportPath: chosen });
    answered.core.settings.set({ exportFolder });
    const { job } = await answered.invokeAsElectron<{ job: Job }>('link:open', link);
    expect((await answered.finished(job.id)).path).toBe(chosen);
    expect(existsSync(chosen)).toBe(true);
  });
});

describe('cloud-init files', () => {
  it('refuses a cloud-init file over 256 KiB, saying how big it is', async () => {
    const { invoke, outDir } = setUp();
    const big = join(outDir, 'user-data.yaml');
    writeFileSync(big, '#cloud-config\n' + 'x'.repeat(300 * 1024));
    await expect(
      invoke('machine:create', { distro: 'ubuntu', name: 'ci', cloudInitPath: big }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/bytes; a cloud-init file is at most 256 KiB\.$/),
    });
  });
});

describe('files that hold secrets', () => {
  it('are never imported or used as cloud-init, and copying one into a machine asks first', async () => {
    const core = setUp();
    const key = join(core.home, '.ssh', 'id_ed25519');
    for (const [channel, request] of [
      ['import:inspect', { path: key }],
      ['machine:create', { distro: 'ubuntu', name: 'ci', cloudInitPath: key }],
    ] as const) {
      await expect(core.invoke(channel, request)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(core.invoke('machine:push', { name: 'ubuntu', paths: [key] })).rejects.toMatchObject({
      code: 'NEEDS_CONFIRMATION',
      message: 'This file is part of your SSH keys. Copy it into ubuntu anyway?',
      detail: { notes: [`${key}: your SSH keys`] },
    });
    const job = await core.invoke<Job>('machine:push', {
      name: 'ubuntu',
      paths: [key],
      confirmSensitive: true,
    });
    expect((await core.finished(job.id)).state).toBe('succeeded');
  });
});

describe('places no request may name', () => {
  it('OrbDeck’s own data folder is never written or read for a window, through a link neither', async () => {
    const { invoke, dataDir, outDir, core } = setUp();
    const settingsFile = join(dataDir, 'settings.json');
    core.settings.set({ pollIntervalMs: 4000 });
    const before = readFileSync(settingsFile, 'utf8');
    symlinkSync(dataDir, join(outDir, 'innocent'));
    for (const target of [settingsFile, join(outDir, 'innocent', 'settings.json')]) {
      for (const [channel, request] of [
        ['machine:pull', { name: 'ubuntu', source: '.profile', path: target, overwrite: true }],
        ['machine:export', { name: 'ubuntu', path: `${target}.tar.zst` }],
        ['machine:push', { name: 'ubuntu', paths: [target], confirmSensitive: true }],
        ['userdata:read', { path: target }],
        ['presets:save', { name: 'Leak', distro: 'ubuntu', cloudInitPath: target }],
      ] as const) {
        await expect(invoke(channel, request)).rejects.toMatchObject({
          code: 'FORBIDDEN',
          message: 'OrbDeck does not read or write OrbDeck’s own data folder for a request.',
        });
      }
    }
    await expect(
      invoke('machine:export-bundle', { names: ['ubuntu'], folder: dataDir }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await core.jobs.whenIdle();
    expect(readFileSync(settingsFile, 'utf8')).toBe(before);
    expect(core.jobs.list()).toEqual([]);
  });

  it('the host’s environment (/proc/self/environ) and devices are never read, nor a named pipe', async () => {
    const { invoke, outDir } = setUp();
    const fifo = join(outDir, 'user-data.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const [path, code] of [
      ['/proc/self/environ', 'FORBIDDEN'],
      ['/dev/zero', 'FORBIDDEN'],
      [fifo, 'INVALID_INPUT'],
    ] as const) {
      await expect(invoke('userdata:read', { path })).rejects.toMatchObject({ code });
      await expect(
        invoke('presets:save', { name: 'Env', distro: 'ubuntu', cloudInitPath: path }),
      ).rejects.toMatchObject({ code });
      await expect(
        invoke('machine:push', { name: 'ubuntu', paths: [path], confirmSensitive: true }),
      ).rejects.toMatchObject({ code });
      await expect(invoke('export:verify', { path, token: 'v-1' })).rejects.toMatchObject({ code });
    }
    expect(await invoke('presets:list', {})).toEqual([]);
  });
});

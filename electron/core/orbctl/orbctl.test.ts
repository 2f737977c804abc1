/**
 * The adapter against small scripted fakes: what it refuses without starting anything, version gates,
 * timeouts, cancellation, timing records. The simulator-backed tests are in orbctl.sim.test.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { Timing } from '../platform/timing';
import { recordTimings } from '../../../test/helpers/timings';
import { sampleExportConfig } from '../../../test/helpers/export-files';
import { Orbctl, type OrbctlOptions } from './orbctl';
import {
  eventually,
  isRunning,
  recordedCalls,
  tempDir,
  writeScriptedOrbctl,
  type ScriptedReply,
} from '../../../test/helpers/processes';

let dir: { path: string; remove: () => void };
let log: string;
beforeEach(() => {
  dir = tempDir();
  log = join(dir.path, 'calls.log');
  mkdirSync(join(dir.path, 'a folder'));
  writeFileSync(join(dir.path, 'backup.tar.zst'), 'x');
});
afterEach(() => dir.remove());
/** The adapter takes absolute paths only (shared/paths.ts). */
const at = (name: string) => join(dir.path, name);

function adapter(table: Record<string, ScriptedReply> = {}, options: Partial<OrbctlOptions> = {}) {
  const bin = writeScriptedOrbctl(
    dir.path,
    { version: { stdout: 'Version: 2.2.0 (2020000)\n' }, ...table },
    log,
  );
  const timing = new Timing();
  const timings = recordTimings(timing);
  const orbctl = new Orbctl({
    timing,
    env: { PATH: process.env.PATH, ORBDECK_ORBCTL: bin },
    home: '/Users/me',
    cwd: dir.path,
    killGraceMs: 300,
    ...options,
  });
  return { orbctl, timing, timings, bin };
}

async function rejection(p: Promise<unknown> | (() => Promise<unknown>)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('nothing is started for input the adapter can refuse', () => {
  const badNames = ['', 'a', 'my_vm', 'my vm', 'ünïcödé', '-rf', 'x'.repeat(300), 'docker'];

  it.each(badNames)('new name %j → INVALID_NAME for create, clone, rename and import', async (name) => {
    const { orbctl } = adapter();
    for (const attempt of [
      () => orbctl.create({ distro: 'ubuntu', name }),
      () => orbctl.clone('ubuntu', name),
      () => orbctl.rename('ubuntu', name),
      () => orbctl.import(at('backup.tar.zst'), { name }),
    ]) {
      expect((await rejection(attempt)).code).toBe('INVALID_NAME');
    }
    expect(recordedCalls(log)).toEqual([]);
  });

  it.each(['', '-rf', '--all', 'my vm', 'a', '$(reboot)', 'docker'])(
    'machine reference %j → INVALID_NAME for every command that takes one',
    async (name) => {
      const { orbctl } = adapter();
      const attempts = [
        () => orbctl.info(name),
        () => orbctl.start(name),
        () => orbctl.stop(name),
        () => orbctl.restart(name),
        () => orbctl.delete(name),
        () => orbctl.clone(name, 'copy'),
        () => orbctl.rename(name, 'new-name'),
        () => orbctl.export(name, at('out.tar.zst')),
        () => orbctl.logs(name, { all: true }),
        () => orbctl.setDefault(name),
        () => orbctl.getUsername(name),
        () => orbctl.setUsername(name, 'alice'),
        () => orbctl.sshDetails(name),
        () => orbctl.push(name, [at('backup.tar.zst')]),
      ];
      for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('INVALID_NAME');
      expect(recordedCalls(log)).toEqual([]);
    },
  );

  it('bad distro, version, arch, user and limits → INVALID_INPUT', async () => {
    const { orbctl } = adapter();
    const attempts = [
      () => orbctl.create({ distro: 'archlinux', name: 'vm1' }),
      () => orbctl.create({ distro: 'ubuntu', version: 'a b', name: 'vm1' }),
      () => orbctl.create({ distro: 'ubuntu', name: 'vm1', arch: 'x86_64' }),
      () => orbctl.create({ distro: 'ubuntu', name: 'vm1', user: 'Bob Smith' }),
      () => orbctl.create({ distro: 'ubuntu', name: 'vm1', cpus: -2 }),
      () => orbctl.create({ distro: 'ubuntu', name: 'vm1', memory: 'lots' }),
      () => orbctl.setUsername('vm1', '-x'),
      () => orbctl.sshDetails('vm1', { user: 'no spaces' }),
      () => orbctl.push('vm1', [at('backup.tar.zst')], { dest: '-rf' }),
    ];
    for (const attempt of attempts) {
      const e = await rejection(attempt);
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.detail?.field).toBeTruthy();
    }
    expect(recordedCalls(log)).toEqual([]);
  });

  it('bad paths → INVALID_INPUT naming the path (export targets are files/export-target.ts’s)', async () => {
    const { orbctl } = adapter();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => orbctl.import(at('missing.tar.zst')), 'INVALID_INPUT', join(dir.path, 'missing.tar.zst')],
      [() => orbctl.import(at('a folder')), 'INVALID_INPUT', join(dir.path, 'a folder')],
      [
        () => orbctl.create({ distro: 'ubuntu', name: 'vm1', cloudInitFile: at('ci.yaml') }),
        'INVALID_INPUT',
        'ci.yaml',
      ],
      [
        () => orbctl.create({ distro: 'ubuntu', name: 'vm1', cloudInitFile: at('a folder') }),
        'INVALID_INPUT',
        'a folder',
      ],
      [() => orbctl.push('vm1', [at('backup.tar.zst'), at('gone.txt')]), 'INVALID_INPUT', 'gone.txt'],
      [() => orbctl.import('relative.tar.zst'), 'INVALID_INPUT', 'Give the full path, starting with /.'],
    ];
    for (const [attempt, code, words] of cases) {
      const e = await rejection(attempt);
      expect(e.code).toBe(code);
      expect(e.message).toContain(words);
    }
    expect(recordedCalls(log)).toEqual([]);
  });

  it('paths with spaces and quotes reach orbctl verbatim and absolute', async () => {
    const { orbctl } = adapter();
    const name = `it's a "backup".tar.zst`;
    writeFileSync(join(dir.path, 'a folder', name), 'x');
    await orbctl.import(at(join('a folder', name)), { name: 'restored' });
    await orbctl.export('vm1', at(`a folder/new "one".tar.zst`)).catch(() => undefined);
    const calls = recordedCalls(log).filter((c) => c[0] !== 'version');
    expect(calls[0]).toEqual(['import', '-n', 'restored', join(dir.path, 'a folder', name)]);
    expect(calls[1]).toEqual(['export', 'vm1', join(dir.path, 'a folder', 'new "one".tar.zst')]);
  });
});

describe('version gates', () => {
  it('an old orbctl gets UNSUPPORTED_VERSION before the command is spawned; version is read once', async () => {
    const { orbctl } = adapter({ version: { stdout: 'Version: 1.9.5 (1090500)\nCommit: abc (v1.9.5)\n' } });
    for (const attempt of [
      () => orbctl.clone('ubuntu', 'copy'),
      () => orbctl.export('ubuntu', at('out.tar.zst')),
      () => orbctl.import(at('backup.tar.zst')),
    ]) {
      const e = await rejection(attempt);
      expect(e.code).toBe('UNSUPPORTED_VERSION');
      expect(e.message).toMatch(/1\.10\.0.*1\.9\.5/);
    }
    expect(await orbctl.capabilities()).toMatchObject({ version: '1.9.5', clone: false, export: false });
    expect(recordedCalls(log)).toEqual([['version']]);
  });

  it('--isolated needs 2.1, --cpus/--memory/--disk need 2.2', async () => {
    const v20 = adapter({ version: { stdout: 'Version: 2.0.0\n' } }).orbctl;
    expect((await rejection(v20.create({ distro: 'ubuntu', name: 'vm1', isolated: true }))).code).toBe(
      'UNSUPPORTED_VERSION',
    );
    const v21 = adapter({ version: { stdout: 'Version: 2.1.0 (2010000)\n' } }).orbctl;
    expect((await rejection(v21.create({ distro: 'ubuntu', name: 'vm1', memory: '4G' }))).message).toMatch(
      /2\.2\.0/,
    );
    await v21.create({ distro: 'ubuntu', name: 'vm1', isolated: true });
    expect(recordedCalls(log).filter((c) => c[0] === 'create')).toEqual([
      ['create', '--isolated', 'ubuntu', 'vm1'],
    ]);
  });

  it('a newer orbctl passes the limits through', async () => {
    const { orbctl } = adapter();
    await orbctl.create({ distro: 'debian', version: '12', name: 'db', cpus: 2, memory: '4G', disk: '64G' });
    expect(recordedCalls(log).at(-1)).toEqual([
      'create',
      '--cpus',
      '2',
      '--memory',
      '4G',
      '--disk',
      '64G',
      'debian:12',
      'db',
    ]);
  });
});

describe('running orbctl', () => {
  it('an explicit ORBDECK_ORBCTL that is missing is NOT_INSTALLED, with no fallback', async () => {
    const { orbctl } = adapter(
      {},
      { env: { PATH: process.env.PATH, ORBDECK_ORBCTL: join(dir.path, 'nope') } },
    );
    const e = await rejection(orbctl.list());
    expect(e.code).toBe('NOT_INSTALLED');
    expect(e.message).toContain(join(dir.path, 'nope'));
  });

  it('times out per configured command timeout, stops the process, and records the outcome', async () => {
    const { orbctl, timings } = adapter({ start: { hang: true } }, { timeouts: { start: 300 } });
    let pid = 0;
    const e = await rejection(orbctl.start('vm1', { onSpawn: (p) => (pid = p) }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toContain('orbctl start vm1');
    expect(e.detail?.argv?.slice(1)).toEqual(['start', 'vm1']);
    expect(isRunning(pid)).toBe(false);
    expect(timings.at(-1)).toMatchObject({
      op: 'orbctl start vm1',
      kind: 'start',
      machine: 'vm1',
      outcome: 'timeout',
    });
  });

  it('a per-call timeout wins over the configured one', async () => {
    const { orbctl } = adapter({ list: { hang: true } }, { timeouts: { list: 60_000 } });
    expect((await rejection(orbctl.list({ timeoutMs: 200 }))).code).toBe('TIMEOUT');
  });

  it('cancelling an export stops orbctl and records "cancelled" (the file is export-target.ts’s)', async () => {
    const { orbctl, timings } = adapter({ export: { hang: true, writeArg: 2 } });
    const controller = new AbortController();
    const target = join(dir.path, 'vm1.tar.zst');
    let pid = 0;
    const running = orbctl.export('vm1', target, { signal: controller.signal, onSpawn: (p) => (pid = p) });
    // Cancel once the fake has started writing, as a user would mid-export.
    expect(await eventually(() => existsSync(target), 5000)).toBe(true);
    controller.abort();
    const e = await rejection(running);
    expect(e.code).toBe('CANCELLED');
    expect(isRunning(pid)).toBe(false);
    expect(timings.at(-1)).toMatchObject({ op: 'orbctl export vm1', outcome: 'cancelled' });
  });

  it('records every call in the timing wrapper with op, kind and machine', async () => {
    const { orbctl, timings } = adapter({
      list: { stdout: '[]\n' },
      start: { stderr: "[-32098] machine not found: 'vm1'\n", exitCode: 1 },
    });
    await orbctl.list();
    await rejection(orbctl.start('vm1'));
    expect(timings.map((r) => [r.op, r.kind, r.machine, r.outcome])).toEqual([
      ['orbctl list', 'list', undefined, 'ok'],
      ['orbctl start vm1', 'start', 'vm1', 'failed'],
    ]);
  });

  it('asks orbctl info once for plain calls about the same machine made together, not for calls with options', async () => {
    // A record as orbctl writes it (the same in an export's config and in `info`).
    const info = { record: { ...sampleExportConfig().record, name: 'web' }, disk_size: 1000 };
    const { orbctl, timings } = adapter({ info: { stdout: JSON.stringify(info) + '\n' } });
    const infos = () => timings.filter((r) => r.op === 'orbctl info web').length;
    const [details, ssh] = await Promise.all([orbctl.info('web'), orbctl.sshDetails('web')]);
    expect(details.diskSize).toBe(1000);
    expect(ssh.user).toBe('ubuntu');
    expect(infos()).toBe(1);
    // One that ended is not shared again, and a call with a signal of its own always runs.
    await Promise.all([orbctl.info('web'), orbctl.info('web', { signal: new AbortController().signal })]);
    expect(infos()).toBe(3);
  });

  it('status reads exit codes 0/1/2 as answers', async () => {
    for (const [stdout, exitCode, want] of [
      ['Running\n', 0, 'running'],
      ['Stopped\n', 1, 'stopped'],
      ['Starting\n', 2, 'starting'],
    ] as const) {
      const { orbctl } = adapter({ status: { stdout, exitCode } });
      expect(await orbctl.status()).toBe(want);
    }
  });

  it('getDefault is null when there are no machines', async () => {
    const { orbctl } = adapter({ default: { stderr: '[-32098] no machines found\n', exitCode: 1 } });
    expect(await orbctl.getDefault()).toBeNull();
  });
});

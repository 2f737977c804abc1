import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import * as argv from './argv';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('argv builders follow docs/orbctl.md#commands-and-argument-order exactly', () => {
  it('reads with -f json only', () => {
    expect(argv.listArgs()).toEqual(['list', '-f', 'json']);
    expect(argv.infoArgs('web-1')).toEqual(['info', 'web-1', '-f', 'json']);
    expect(argv.infoArgs('01K2G8TY5GM9C3CN95KCB4ZG8B')).toEqual([
      'info',
      '01K2G8TY5GM9C3CN95KCB4ZG8B',
      '-f',
      'json',
    ]);
  });

  it('create: flags, then DISTRO[:VERSION], then NAME', () => {
    expect(argv.createArgs({ distro: 'ubuntu', name: 'dev' })).toEqual(['create', 'ubuntu', 'dev']);
    expect(
      argv.createArgs({
        distro: 'ubuntu',
        version: '22.04',
        name: 'm1',
        arch: 'amd64',
        user: 'root',
        cloudInitFile: '/Users/me/cloud init.yaml',
        isolated: true,
        cpus: 4,
        memory: '4G',
        disk: '64G',
      }),
    ).toEqual([
      'create',
      '--arch',
      'amd64',
      '--user',
      'root',
      '--user-data',
      '/Users/me/cloud init.yaml',
      '--isolated',
      '--cpus',
      '4',
      '--memory',
      '4G',
      '--disk',
      '64G',
      'ubuntu:22.04',
      'm1',
    ]);
    expect(argv.createArgs({ distro: 'arch', name: 'a1', isolated: false })).toEqual([
      'create',
      'arch',
      'a1',
    ]);
  });

  it('create refuses what orbctl would refuse, before argv exists', () => {
    expect(codeOf(() => argv.createArgs({ distro: 'archlinux', name: 'x1' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.createArgs({ distro: '--help', name: 'x1' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', version: '22.04 --arch', name: 'x1' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', arch: 'riscv64' }))).toBe(
      'INVALID_INPUT',
    );
    // i386 exists only on Intel Macs; the shared rule (shared/machine-options.ts) keeps to arm64 and amd64.
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', arch: 'i386' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', memory: '1.5G' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', cpus: 129 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', user: '-o' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', cpus: 0 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', cpus: 1.5 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', memory: '4 GB' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', disk: '-1G' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: 'x1', cloudInitFile: 'rel.yaml' }))).toBe(
      'INVALID_INPUT',
    );
    // Arch Linux has no cloud-init (docs/orbctl.md#distros).
    expect(codeOf(() => argv.createArgs({ distro: 'arch', name: 'x1', cloudInitFile: '/ci.yaml' }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => argv.createArgs({ distro: 'ubuntu', name: '-rf' }))).toBe('INVALID_NAME');
  });

  it('lifecycle commands take the machine as one positional; delete never prompts', () => {
    expect(argv.startArgs('vm1')).toEqual(['start', 'vm1']);
    expect(argv.startOrbStackArgs()).toEqual(['start']);
    expect(argv.stopArgs('vm1')).toEqual(['stop', 'vm1']);
    expect(argv.restartArgs('vm1')).toEqual(['restart', 'vm1']);
    expect(argv.deleteArgs('vm1')).toEqual(['delete', '-f', 'vm1']);
  });

  it('clone SRC NEW, rename OLD NEW, export NAME FILE, import [-n NAME] FILE', () => {
    expect(argv.cloneArgs('ubuntu', 'ubuntu2')).toEqual(['clone', 'ubuntu', 'ubuntu2']);
    expect(argv.renameArgs('old', 'new')).toEqual(['rename', 'old', 'new']);
    expect(argv.exportArgs('ubuntu', '/tmp/a b.tar.zst')).toEqual(['export', 'ubuntu', '/tmp/a b.tar.zst']);
    expect(argv.importArgs('/tmp/x.tar.zst', 'restored')).toEqual([
      'import',
      '-n',
      'restored',
      '/tmp/x.tar.zst',
    ]);
    expect(argv.importArgs('/tmp/x.tar.zst')).toEqual(['import', '/tmp/x.tar.zst']);
    expect(codeOf(() => argv.exportArgs('ubuntu', 'relative.tar.zst'))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.importArgs('/x.tar.zst', 'my_vm'))).toBe('INVALID_NAME');
    expect(codeOf(() => argv.cloneArgs('ubuntu', 'docker'))).toBe('INVALID_NAME');
    expect(codeOf(() => argv.renameArgs('-a', 'b1'))).toBe('INVALID_NAME');
  });

  it('logs, default, version, status, config, push', () => {
    expect(argv.logsArgs('vm1')).toEqual(['logs', 'vm1']);
    expect(argv.logsArgs('vm1', true)).toEqual(['logs', 'vm1', '--all']);
    expect(argv.defaultGetArgs()).toEqual(['default']);
    expect(argv.defaultSetArgs('vm1')).toEqual(['default', 'vm1']);
    expect(argv.versionArgs()).toEqual(['version']);
    expect(argv.statusArgs()).toEqual(['status']);
    expect(argv.configGetUsernameArgs('vm.1')).toEqual(['config', 'get', 'machine.vm.1.username']);
    expect(argv.configSetUsernameArgs('vm1', 'alice')).toEqual([
      'config',
      'set',
      'machine.vm1.username',
      'alice',
    ]);
    expect(argv.pushArgs('vm1', ['/a.txt'])).toEqual(['push', '-m', 'vm1', '/a.txt']);
    expect(argv.pushArgs('vm1', ['/a.txt'], 'code/')).toEqual(['push', '-m', 'vm1', '/a.txt', 'code/']);
    // orbctl reads the last of several arguments as the destination: give it one.
    expect(argv.pushArgs('vm1', ['/a', '/b'])).toEqual(['push', '-m', 'vm1', '/a', '/b', '.']);
    expect(codeOf(() => argv.pushArgs('vm1', []))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.pushArgs('vm1', ['/a'], '--x'))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.configSetUsernameArgs('vm1', 'Alice Smith'))).toBe('INVALID_INPUT');
  });

  it('limits: one config set per limit given, memory in MiB and the disk in bytes', () => {
    expect(argv.configSetLimitsArgs('vm1', { cpus: 4, memory: '512M', disk: '1T' })).toEqual([
      ['config', 'set', 'machine.vm1.cpu', '4'],
      ['config', 'set', 'machine.vm1.memory_mib', '512'],
      ['config', 'set', 'machine.vm1.disk_bytes', String(1024 ** 4)],
    ]);
    expect(argv.configSetLimitsArgs('vm1', { memory: '2G' })).toEqual([
      ['config', 'set', 'machine.vm1.memory_mib', '2048'],
    ]);
    expect(codeOf(() => argv.configSetLimitsArgs('vm1', {}))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.configSetLimitsArgs('vm1', { memory: '1.5G' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.configSetLimitsArgs('vm1', { cpus: 0 }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.configSetLimitsArgs('-rf', { cpus: 1 }))).toBe('INVALID_NAME');
  });
});

describe('run and pull', () => {
  it("passes the command line as one word to the machine's sh, after --", () => {
    expect(argv.runArgs('web', 'echo "$HOME" | wc -c; rm -rf --no-preserve-root')).toEqual([
      'run',
      '-m',
      'web',
      '--',
      'sh',
      '-c',
      'echo "$HOME" | wc -c; rm -rf --no-preserve-root',
    ]);
    expect(argv.runArgs('web', 'id', { user: 'root', workdir: '/srv/app' })).toEqual([
      'run',
      '-m',
      'web',
      '-u',
      'root',
      '-w',
      '/srv/app',
      '--',
      'sh',
      '-c',
      'id',
    ]);
  });

  it('refuses what orbctl would misread before anything runs', () => {
    expect(codeOf(() => argv.runArgs('-rf', 'id'))).toBe('INVALID_NAME');
    expect(codeOf(() => argv.runArgs('web', ''))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.runArgs('web', 'id', { workdir: '--help' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.runArgs('web', 'id', { user: '-u' }))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.pullArgs('web', '-x', '/tmp/a'))).toBe('INVALID_INPUT');
    expect(codeOf(() => argv.pullArgs('web', 'a', 'relative'))).toBe('INVALID_INPUT');
  });

  it('pulls with the machine flag, the source in Linux and an absolute destination', () => {
    expect(argv.pullArgs('web', 'logs/app.log', '/Users/me/app.log')).toEqual([
      'pull',
      '-m',
      'web',
      'logs/app.log',
      '/Users/me/app.log',
    ]);
  });
});

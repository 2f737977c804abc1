import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import type { OrbctlCommand } from './commands';
import { failureOf, orbctlText } from './errors';
import type { RunResult } from './run';

const result = (over: Partial<RunResult>): RunResult => ({
  argv: ['/usr/local/bin/orbctl', 'x'],
  exitCode: 1,
  signal: null,
  stdout: '',
  stderr: '',
  durationMs: 12.5,
  pid: 1,
  ...over,
});

const usage =
  '\nUsage:\n  orbctl clone [OLD_NAME] [NEW_NAME] [flags]\n\nFlags:\n  -h, --help   help for clone\n';

/** stderr texts of docs/orbctl.md#failure-names (and #how-orbctl-fails for cobra), with the command that prints them. */
const CASES: [OrbctlCommand, string, ErrorCode, string][] = [
  ['info', "[-32098] machine not found: 'ghost'\n", 'NOT_FOUND', "No machine named 'ghost'."],
  ['start', '[-32098] machine not found\n', 'NOT_FOUND', "No machine named 'vm1'."],
  ['default', '[-32098] no machines found\n', 'NOT_FOUND', 'no machines'],
  [
    'create',
    "[-32098] create 'vm1': machine already exists: 'vm1'\n",
    'ALREADY_EXISTS',
    "'vm1' already exists",
  ],
  ['clone', "[-32098] machine already exists: 'copy'\n", 'ALREADY_EXISTS', "'copy' already exists"],
  [
    'import',
    "[-32098] import container from host path: machine already exists: 'vm1'\n",
    'ALREADY_EXISTS',
    "'vm1'",
  ],
  ['rename', `[-32098] machine '"new"' already exists\n`, 'ALREADY_EXISTS', "'new' already exists"],
  ['create', "[-32098] create 'a_b': invalid machine name 'a_b'\n", 'INVALID_NAME', "'a_b' is not a valid"],
  ['clone', "[-32098] invalid machine name 'docker'\n", 'INVALID_NAME', 'reserved'],
  ['create', `Error: invalid distro: test-vm${usage}`, 'INVALID_INPUT', "'test-vm'"],
  ['create', `Error: invalid architecture: riscv${usage}`, 'INVALID_INPUT', "'riscv'"],
  [
    'create',
    "[-32098] create 'vm1': make rootfs: image not found: {ubuntu focal arm64 default}\n",
    'INVALID_INPUT',
    'ubuntu focal arm64 default',
  ],
  [
    'create',
    "[-32098] create 'a1': cloud-init not supported for 'archlinux'\n",
    'INVALID_INPUT',
    'archlinux',
  ],
  ['clone', `Error: accepts 2 arg(s), received 1${usage}`, 'ORBCTL_REFUSED', 'accepts 2 arg(s), received 1'],
  ['list', 'Error: unknown flag: --foo\n', 'ORBCTL_REFUSED', 'unknown flag'],
  ['restart', `Error: no machines specified${usage}`, 'ORBCTL_REFUSED', 'no machines specified'],
  ['list', 'Error: invalid format: yaml\n', 'ORBCTL_REFUSED', 'invalid format'],
  [
    'import',
    '[-32098] import container from host path: read config: create zstd reader: invalid magic\n',
    'BAD_EXPORT_FILE',
    "'/x/b.tar.zst' is not an OrbStack machine export",
  ],
  [
    'import',
    "[-32098] import container from host path: read config: can't find '_orbstack/config.v1.json' in archive. is this a valid OrbStack machine export?\n",
    'BAD_EXPORT_FILE',
    'not an OrbStack machine export',
  ],
  [
    'import',
    '[-32098] import container from host path: make rootfs: extract archive: exit status 1; output: bsdtar: Error\n',
    'BAD_EXPORT_FILE',
    'damaged',
  ],
  [
    'import',
    '[-32098] import container from host path: rootfs dir not found. is this a valid OrbStack machine export?\n',
    'BAD_EXPORT_FILE',
    'damaged',
  ],
  [
    'import',
    '[-32098] import container from host path: open file: open /x/b.tar.zst: no such file or directory\n',
    'INVALID_INPUT',
    "'/x/b.tar.zst'",
  ],
  ['export', '[-32098] create file: open /ro/x.tar.zst: permission denied\n', 'INVALID_INPUT', 'export file'],
  [
    'export',
    '[-32098] cannot export builtin machine\n',
    'BUILTIN_MACHINE',
    'built-in machine cannot be exported',
  ],
  ['list', 'start VM: timed out waiting for VM to start\n', 'ORBSTACK_NOT_RUNNING', 'did not start in time'],
  ['info', 'timed out waiting for services to start\n', 'ORBSTACK_NOT_RUNNING', 'did not start in time'],
  ['create', "[-32098] create 'vm1': machine manager is stopping\n", 'ORBSTACK_NOT_RUNNING', 'shutting down'],
  ['start', '[-32098] manager is stopping\n', 'ORBSTACK_NOT_RUNNING', 'shutting down'],
  [
    'start',
    '[-32098] cannot transition from deleting to starting\n',
    'ORBCTL_FAILED',
    'from deleting to starting',
  ],
  ['start', '[-32098] machine did not start: vm1 - STOPPED\n', 'ORBCTL_FAILED', "'vm1' did not start"],
  ['stop', "[-32098] stop 'vm1': timeout\n", 'ORBCTL_FAILED', "'vm1' did not stop in time"],
  [
    'create',
    "[-32098] create 'kali-rd': setup: machine crashed on startup\n",
    'ORBCTL_FAILED',
    "orbctl create failed: create 'kali-rd': setup: machine crashed on startup",
  ],
  ['start', '[-32601] method not found: Frobnicate\n', 'ORBCTL_FAILED', 'method not found: Frobnicate'],
];

describe('failureOf maps orbctl texts (docs/orbctl.md#errors)', () => {
  it.each(CASES)('%s: %j → %s', (command, stderr, code, words) => {
    const r = result({ stderr, exitCode: 1 });
    const e = failureOf(r, { command, machine: 'vm1', file: '/x/b.tar.zst' });
    expect(e?.code).toBe(code);
    expect(e?.message).toContain(words);
    // The raw text and the run's facts stay in the detail.
    expect(e?.detail).toMatchObject({ stderr, exitCode: 1, argv: r.argv, signal: null, durationMs: 13 });
  });

  it('a coloured message is matched all the same', () => {
    const e = failureOf(result({ stderr: "\x1b[31m[-32098] machine not found: 'x1'\x1b[0m\n" }), {
      command: 'start',
    });
    expect(e?.code).toBe('NOT_FOUND');
  });

  it('success is null, and stderr chatter on success is not a failure', () => {
    expect(failureOf(result({ exitCode: 0 }), { command: 'start' })).toBeNull();
    const update = 'OrbStack update available! Run "orb update"\n';
    expect(failureOf(result({ exitCode: 0, stderr: update }), { command: 'list' })).toBeNull();
  });

  it('stop and restart exit 0 with "OrbStack is not running" on stderr: ORBSTACK_NOT_RUNNING', () => {
    for (const command of ['stop', 'restart'] as const) {
      const e = failureOf(result({ exitCode: 0, stderr: 'OrbStack is not running\n' }), { command });
      expect(e?.code).toBe('ORBSTACK_NOT_RUNNING');
      expect(e?.detail?.exitCode).toBe(0);
    }
  });

  it('a command that succeeds silently but printed an orbctl error with exit 0 has failed', () => {
    const stderr = "[-32098] stop 'web': timeout\n";
    const stop = failureOf(result({ exitCode: 0, stderr }), { command: 'stop', machine: 'web' });
    expect([stop?.code, stop?.message]).toEqual(['ORBCTL_FAILED', "'web' did not stop in time."]);
    expect(stop?.detail).toMatchObject({ exitCode: 0, reason: 'stop-timeout', stderr });
    const usage = failureOf(result({ exitCode: 0, stderr: 'Error: unknown flag: --x\n' }), {
      command: 'delete',
    });
    expect(usage?.code).toBe('ORBCTL_REFUSED');
    // Chatter that is not one of orbctl's error forms stays harmless, and `run` is the command's own business.
    expect(failureOf(result({ exitCode: 0, stderr: 'note: slow disk\n' }), { command: 'stop' })).toBeNull();
    expect(failureOf(result({ exitCode: 0, stderr }), { command: 'run' })).toBeNull();
  });

  it('logs prints its error on stdout with exit 0: detected', () => {
    const stdout = "\x1b[31m[-32098] machine not found: 'ghost'\x1b[0m\n";
    const e = failureOf(result({ exitCode: 0, stdout }), { command: 'logs', machine: 'ghost' });
    expect(e?.code).toBe('NOT_FOUND');
    expect(e?.detail?.stdout).toBe(stdout);
    const logs = 'Nov 26 10:00:00 systemd[1]: Started.\n[  1.0] kernel: hello\n';
    expect(failureOf(result({ exitCode: 0, stdout: logs }), { command: 'logs' })).toBeNull();
  });

  it('an unknown text passes through in the message and detail', () => {
    const stderr = 'something entirely new\nsecond line\n';
    const e = failureOf(result({ stderr, exitCode: 4 }), { command: 'export' });
    expect(e?.code).toBe('ORBCTL_FAILED');
    expect(e?.message).toBe('orbctl export failed: something entirely new');
    expect(e?.detail?.stderr).toBe(stderr);
    expect(e?.detail?.exitCode).toBe(4);
  });

  it('a silent failure or a foreign signal still says what happened', () => {
    expect(failureOf(result({ exitCode: 2 }), { command: 'start' })?.message).toContain('exit code 2');
    const killed = failureOf(result({ exitCode: null, signal: 'SIGKILL' }), { command: 'start' });
    expect(killed?.message).toContain('SIGKILL');
    expect(killed?.detail?.signal).toBe('SIGKILL');
  });

  it('orbctlText strips colours, RPC codes and the usage block', () => {
    expect(orbctlText(`\x1b[31m[-32098] no machines found\x1b[0m`)).toBe('no machines found');
    expect(orbctlText(`Error: accepts 2 arg(s), received 1${usage}`)).toBe(
      'Error: accepts 2 arg(s), received 1',
    );
  });
});

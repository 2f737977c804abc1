import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_TESTS, simulator, type ListedMachine } from '../../../test/helpers/sim';

describe.concurrent('version, default, status (docs/orbctl.md#version-output)', PROCESS_TESTS, () => {
  it('prints Version: X.Y.Z (code) and Commit: …', async () => {
    const s = simulator({ ORBCTL_SIM_VERSION: '1.10.2' });
    expect(await s.ok(['version'])).toMatch(
      /^Version: 1\.10\.2 \(1100200\)\nCommit: [0-9a-f]{40} \(v1\.10\.2\)\n$/,
    );
  });

  it('default: no machines found; the first machine is the default; set by name; auto-pick kept', async () => {
    const s = simulator();
    expect(await s.run(['default'])).toMatchObject({ code: 1, stderr: '[-32098] no machines found\n' });
    await s.setup('add', 'zeta', 'alpine');
    await s.setup('add', 'beta', 'alpine');
    await s.setup('add', 'gamma', 'alpine');
    expect(await s.ok(['default'])).toBe('zeta\n');
    expect(await s.run(['set-default', 'gamma'])).toMatchObject({ code: 0, stdout: '' });
    expect(await s.ok(['get-default'])).toBe('gamma\n');
    // With the default gone, the alphabetically first is picked and kept even when an earlier name appears.
    await s.ok(['delete', '-f', 'gamma']);
    expect(await s.ok(['default'])).toBe('beta\n');
    await s.setup('add', 'alpha', 'alpine');
    expect(await s.ok(['default'])).toBe('beta\n');
    const [missing, tooMany] = await Promise.all([s.run(['default', 'ghost']), s.run(['default', 'a', 'b'])]);
    expect(missing.stderr).toBe("[-32098] machine not found: 'ghost'\n");
    expect(tooMany.stderr).toMatch(/^Error: accepts at most 1 arg\(s\), received 2\n/);
  });

  it('status takes no arguments (cobra: unknown command)', async () => {
    const s = simulator();
    const r = await s.run(['status', 'vm1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: unknown command "vm1" for "orbctl status"\n/);
  });
});

describe.concurrent('logs and ssh (docs/orbctl.md#exit-0-quirks)', PROCESS_TESTS, () => {
  it('logs: prints console lines; a missing machine is reported on stdout with exit 0', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu');
    expect(await s.ok(['logs', 'vm1'])).toContain('Set hostname to <vm1>');
    expect(await s.ok(['log', '-a', 'vm1'])).toMatch(/^Runtime:/);
    expect(await s.run(['logs', 'ghost'])).toEqual({
      code: 0,
      signal: null,
      stdout: "[-32098] machine not found: 'ghost'\n",
      stderr: '',
    });
  });

  it('ssh: static instructions, no arguments', async () => {
    const s = simulator();
    const out = await s.ok(['ssh']);
    for (const part of [
      'ssh orb',
      'ssh MACHINE@orb',
      'ssh USER@MACHINE@orb',
      '32222',
      '~/.orbstack/ssh/id_ed25519',
    ]) {
      expect(out).toContain(part);
    }
    expect((await s.run(['ssh', 'vm1'])).stderr).toMatch(/^Error: unknown command "vm1" for "orbctl ssh"/);
  });
});

describe.concurrent('config (docs/orbctl.md#config)', PROCESS_TESTS, () => {
  it('show lists sorted keys with machine usernames (dotted names quoted); set changes default_username', async () => {
    const s = simulator();
    await s.setup('add', 'test-vm', 'ubuntu', 'username=ubuntu');
    await s.setup('add', 'my.vm', 'alpine');
    const lines = (await s.ok(['config', 'show'])).trim().split('\n');
    expect(lines).toEqual([...lines].sort());
    expect(lines).toContain('machine.test-vm.username: ubuntu');
    expect(lines).toContain('machine."my.vm".username: tester');
    expect(lines).toContain('network.subnet4: 192.168.138.0/23');
    expect(await s.run(['config', 'set', 'machine.test-vm.username', 'dev'])).toMatchObject({
      code: 0,
      stdout: '',
    });
    expect(await s.ok(['config', 'get', 'machine.test-vm.username'])).toBe('dev\n');
    const list = await s.json<ListedMachine[]>(['list', '-f', 'json']);
    expect(list.find((m) => m.name === 'test-vm')?.config.default_username).toBe('dev');
    const [missing, unknown] = await Promise.all([
      s.run(['config', 'set', 'machine.ghost.username', 'x']),
      s.run(['config', 'get', 'nope']),
    ]);
    expect(missing.stderr).toBe("[-32098] machine not found: 'ghost'\n");
    expect(unknown).toMatchObject({ code: 1, stderr: 'unknown config key: nope\n' });
  });
});

describe.concurrent('push, pull, run (docs/orbctl.md#other-commands)', PROCESS_TESTS, () => {
  it('push copies into the Linux home, pull copies back into the working directory', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    writeFileSync(join(s.home, 'a.txt'), 'alpha\n');
    expect(await s.run(['push', '-m', 'vm1', 'a.txt'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // run/push start a stopped machine.
    expect((await s.states()).vm1).toBe('running');
    const out = join(s.home, 'out');
    mkdirSync(out);
    await s.ok(['pull', '-m', 'vm1', 'a.txt'], { cwd: out });
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('alpha\n');
    await s.ok(['pull', '--machine=vm1', '/home/tester/a.txt', join(out, 'b.txt')]);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('alpha\n');
    const missing = await s.run(['pull', '-m', 'vm1', 'nope.txt']);
    expect(missing).toMatchObject({ code: 1, stderr: 'pull: stat nope.txt: no such file or directory\n' });
  });

  it('run: echo-like commands in the default machine, exit codes passed through', async () => {
    const s = simulator();
    await s.setup('add', 'box', 'debian');
    const [echo, host, user, code, unknown, missing] = await Promise.all([
      s.run(['run', 'echo', 'hello', 'world']),
      s.run(['run', '-m', 'box', '--', 'sh', '-c', 'hostname']),
      s.run(['run', '-u', 'root', 'whoami']),
      s.run(['run', 'exit', '3']),
      s.run(['run', 'frobnicate']),
      s.run(['run', '-m', 'ghost', 'true']),
    ]);
    expect(echo).toMatchObject({ code: 0, stdout: 'hello world\n' });
    expect(host.stdout).toBe('box\n');
    expect(user.stdout).toBe('root\n');
    expect(code.code).toBe(3);
    expect(unknown).toMatchObject({ code: 127, stderr: 'bash: line 1: frobnicate: command not found\n' });
    expect(missing).toMatchObject({ code: 1, stderr: "[-32098] machine not found: 'ghost'\n" });
  });
});

describe.concurrent('cobra usage and help (docs/orbctl.md#how-orbctl-fails)', PROCESS_TESTS, () => {
  it('prints help on stdout with exit 0, errors with usage on stderr with exit 1', async () => {
    const s = simulator();
    const [root, createHelp, helpCmd, typo, badFlag] = await Promise.all([
      s.run([]),
      s.run(['create', '--help']),
      s.run(['help', 'list']),
      s.run(['lsit']),
      s.run(['info', 'vm1', '--foo']),
    ]);
    expect(root).toMatchObject({ code: 0, stderr: '' });
    expect(root.stdout).toContain('Linux machines:');
    expect(createHelp.stdout).toContain('Supported distros:');
    expect(createHelp.stdout).toContain('Usage:\n  orbctl create [flags] DISTRO[:VERSION] [MACHINE_NAME]');
    expect(helpCmd).toMatchObject({ code: 0 });
    expect(helpCmd.stdout).toContain('orbctl list');
    expect(typo).toMatchObject({
      code: 1,
      stderr:
        'Error: unknown command "lsit" for "orbctl"\n\nDid you mean this?\n\tlist\n\nRun \'orbctl --help\' for usage.\n',
    });
    expect(badFlag.stderr).toMatch(/^Error: unknown flag: --foo\nUsage:\n {2}orbctl info \[ID\/NAME\]\n/);
  });
});

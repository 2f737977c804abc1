import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collect,
  eventually,
  simulator,
  spawnSim,
  wait,
  type ListedMachine,
  PROCESS_TESTS,
} from '../../../test/helpers/sim';

/** The machines as `list -f json` would show them (read in-process; list.test.ts checks the real output). */
const list = (s: ReturnType<typeof simulator>): Promise<ListedMachine[]> => s.records();

describe.concurrent(
  'create and its resulting state (docs/orbctl.md#commands-and-argument-order, #resulting-states)',
  PROCESS_TESTS,
  () => {
    it('creates a running machine silently; the name defaults to the distro word; the first becomes default', async () => {
      const s = simulator();
      const r = await s.run(['create', 'ubuntu']);
      expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
      const [m] = await s.json<ListedMachine[]>(['list', '-f', 'json']);
      expect(m).toMatchObject({
        name: 'ubuntu',
        state: 'running',
        image: { distro: 'ubuntu', version: 'plucky', arch: 'arm64', variant: 'default' },
        config: { isolated: false, default_username: 'tester' },
      });
      await s.ok(['add', 'debian', 'deb2']);
      expect(await s.ok(['default'])).toBe('ubuntu\n');
    });

    it('takes flags before or after positionals, in every pflag spelling, and the aliases add/new', async () => {
      const s = simulator();
      await s.ok(['create', 'fedora', 'f1', '--arch', 'amd64', '-u', 'root']);
      await s.ok(['new', '--arch=amd64', 'fedora', 'f2']);
      await s.ok(['create', '-aamd64', 'fedora', 'f3']);
      const machines = await list(s);
      expect(machines.map((m) => [m.name, m.image.arch])).toEqual([
        ['f1', 'amd64'],
        ['f2', 'amd64'],
        ['f3', 'amd64'],
      ]);
      expect(machines[0]?.config.default_username).toBe('root');
    });
  },
);

describe.concurrent('distros (docs/orbctl.md#distros)', PROCESS_TESTS, () => {
  it('stores versions after alias resolution and image names for the JSON', async () => {
    const s = simulator();
    await Promise.all([
      s.ok(['create', 'ubuntu:22.04', 'u22']),
      s.ok(['create', 'debian:12', 'd12']),
      s.ok(['create', 'arch', 'a1']),
      s.ok(['create', 'gentoo', 'g1']),
    ]);
    const byName = Object.fromEntries((await list(s)).map((m) => [m.name, m.image]));
    expect(byName.u22).toMatchObject({ distro: 'ubuntu', version: 'jammy' });
    expect(byName.d12).toMatchObject({ distro: 'debian', version: 'bookworm' });
    expect(byName.a1).toMatchObject({ distro: 'archlinux', version: 'current' });
    expect(byName.g1).toMatchObject({ distro: 'gentoo', variant: 'openrc' });
  });

  it('refuses JSON-side names and unknown words on the client: invalid distro + usage', async () => {
    const s = simulator();
    // The second is the reversed order of a 3P doc: the name is taken for the distro.
    const [jsonName, reversed] = await Promise.all([
      s.run(['create', 'archlinux', 'x1']),
      s.run(['create', 'test-vm', 'ubuntu:22.04']),
    ]);
    expect(jsonName.code).toBe(1);
    expect(jsonName.stderr).toMatch(/^Error: invalid distro: archlinux\nUsage:\n {2}orbctl create/);
    expect(reversed.stderr).toMatch(/^Error: invalid distro: test-vm\n/);
  });

  it('refuses an architecture the host cannot run', async () => {
    const s = simulator();
    const r = await s.run(['create', '-a', 'i386', 'ubuntu']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: invalid architecture: i386\n/);
    // An Intel Mac runs amd64 and i386.
    await s.ok(['create', '-a', 'i386', 'ubuntu'], { env: { ORBCTL_SIM_ARCH: 'amd64' } });
  });

  it('fails an unknown version with the image-not-found text', async () => {
    const s = simulator();
    const r = await s.run(['create', 'ubuntu:18.04', 'old']);
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "[-32098] create 'old': make rootfs: image not found: {ubuntu 18.04 arm64 default}\n",
    });
    expect(await list(s)).toEqual([]);
  });

  it('uses the cloud variant with -c, and refuses cloud-init where it is unsupported', async () => {
    const s = simulator();
    const userData = join(s.home, 'user-data.yaml');
    writeFileSync(userData, '#cloud-config\n');
    await s.ok(['create', '-c', userData, 'ubuntu', 'c1']);
    expect((await list(s))[0]?.image.variant).toBe('cloud');
    const r = await s.run(['create', '--user-data', userData, 'arch', 'c2']);
    expect(r.stderr).toBe("[-32098] create 'c2': cloud-init not supported for 'archlinux'\n");
    const missing = await s.run(['create', '-c', 'nope.yaml', 'ubuntu', 'c3']);
    expect(missing).toMatchObject({ code: 1, stderr: 'open nope.yaml: no such file or directory\n' });
  });

  it('runs cloud-init after the machine started: running, then done or (a failing runcmd) error, with a log', async () => {
    const s = simulator({ ORBCTL_SIM_CLOUD_INIT_MS: '2500' });
    const good = join(s.home, 'good.yaml');
    writeFileSync(good, '#cloud-config\nruncmd:\n  - echo hello\n');
    const bad = join(s.home, 'bad.yaml');
    writeFileSync(bad, '#cloud-config\nruncmd:\n  - echo one\n  - [exit 3]\npackages:\n  - git\n');
    const status = (m: string, ...more: string[]) => s.run(['run', '-m', m, 'cloud-init', 'status', ...more]);
    await s.ok(['create', '-c', good, 'ubuntu', 'ok']);
    expect(await status('ok')).toMatchObject({ code: 0, stdout: 'status: running\n' });
    await s.ok(['create', '-c', bad, 'ubuntu', 'ko']);
    await s.ok(['create', 'ubuntu', 'plain']);
    expect(await status('plain')).toMatchObject({ code: 0, stdout: 'status: disabled\n' });
    expect(await status('ok', '--wait')).toMatchObject({ code: 0, stdout: 'status: done\n' });
    const failed = await status('ko', '--wait', '--long');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^status: error\nextended_status: error\n[\s\S]*errors:\n\t- .*runcmd/);
    const log = await s.run(['run', '-m', 'ko', 'cat', '/var/log/cloud-init-output.log']);
    expect(log.stdout).toContain('+ exit 3\nFailed running /var/lib/cloud/instance/scripts/runcmd [3]');
    expect((await s.run(['run', '-m', 'ok', 'cat', '/var/log/cloud-init-output.log'])).stdout).toMatch(
      /finished at/,
    );
  });
});

describe.concurrent('names (docs/orbctl.md#names)', PROCESS_TESTS, () => {
  it.each([
    ['my_vm', "[-32098] create 'my_vm': invalid machine name 'my_vm'\n"],
    ['a', "[-32098] create 'a': invalid machine name 'a'\n"],
    ['docker', "[-32098] create 'docker': invalid machine name 'docker'\n"],
    ['default', "[-32098] create 'default': invalid machine name 'default'\n"],
  ])('refuses %j', async (name, text) => {
    const s = simulator();
    expect(await s.run(['create', 'ubuntu', name])).toMatchObject({ code: 1, stderr: text });
  });

  it('sees a leading dash as a flag, unless after --, where the daemon refuses it', async () => {
    const s = simulator();
    const flag = await s.run(['create', 'ubuntu', '-rf']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/^Error: unknown shorthand flag: 'r' in -rf\n/);
    const dashed = await s.run(['create', '--', 'ubuntu', '-rf']);
    expect(dashed.stderr).toBe("[-32098] create '-rf': invalid machine name '-rf'\n");
  });

  it('accepts what the regex allows: case kept, dots, no length limit, reserved words compared exactly', async () => {
    const s = simulator();
    const long = `v${'x'.repeat(80)}`;
    await s.ok(['create', 'alpine', 'My.VM-2']);
    await s.ok(['create', 'alpine', long]);
    await s.ok(['create', 'alpine', 'Docker']);
    expect(await s.names()).toEqual(['Docker', 'My.VM-2', long]);
  });

  it('refuses a taken name with the create prefix', async () => {
    const s = simulator();
    await s.setup('add', 'web', 'ubuntu');
    expect((await s.run(['create', 'ubuntu', 'web'])).stderr).toBe(
      "[-32098] create 'web': machine already exists: 'web'\n",
    );
  });
});

describe.concurrent(
  'newer create flags (version gates) (docs/orbctl.md#commands-and-argument-order)',
  PROCESS_TESTS,
  () => {
    it('knows --isolated only from 2.1 and --cpus/--memory/--disk only from 2.2', async () => {
      const s = simulator();
      const old = await s.run(['create', '--isolated', 'ubuntu'], { env: { ORBCTL_SIM_VERSION: '2.0.0' } });
      expect(old.code).toBe(1);
      expect(old.stderr).toMatch(/^Error: unknown flag: --isolated\n/);
      const noLimits = await s.run(['create', '--cpus', '2', 'ubuntu'], {
        env: { ORBCTL_SIM_VERSION: '2.1.0' },
      });
      expect(noLimits.stderr).toMatch(/^Error: unknown flag: --cpus\n/);
      await s.ok(['create', '--isolated', 'ubuntu', 'iso'], { env: { ORBCTL_SIM_VERSION: '2.1.0' } });
      expect((await list(s))[0]?.config.isolated).toBe(true);
      await s.ok(['create', '--cpus', '2', '--memory', '4G', '--disk=64G', 'ubuntu', 'lim']);
      expect(await s.ok(['config', 'get', 'machine.lim.memory_mib'])).toBe('4096\n');
      const bad = await s.run(['create', '--cpus', 'two', 'ubuntu']);
      expect(bad.stderr).toMatch(/^Error: invalid argument "two" for "--cpus" flag: strconv.ParseInt/);
    });
  },
);

describe.concurrent(
  'create is a daemon operation (docs/orbctl.md#durations-and-internal-limits)',
  PROCESS_TESTS,
  () => {
    it('shows creating while it runs and completes even when the client is killed', async () => {
      const s = simulator();
      // ~1.3 s at this speed (8 s + 5 s first download, / 10).
      const child = spawnSim(s.home, ['create', 'ubuntu', 'slow'], { env: { ORBCTL_SIM_SPEED: '10' } });
      const done = collect(child);
      const seen = await eventually(async () => (await s.state()).machines[0]);
      // Normally still creating; a very loaded machine may already show the last step.
      expect(seen.name).toBe('slow');
      expect(['creating', 'starting']).toContain(seen.state);
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      const running = await eventually(async () => {
        const m = (await s.state()).machines[0];
        return m?.state === 'running' ? m : undefined;
      });
      expect(running.name).toBe('slow');
      // Retrying now fails fast with "already exists", as pyinfra's journal saw.
      expect((await s.run(['create', 'ubuntu', 'slow'])).stderr).toContain("machine already exists: 'slow'");
    });

    it('hang-after: the machine is made but the command never returns', async () => {
      const s = simulator();
      const child = spawnSim(s.home, ['create', 'alpine', 'stuck'], {
        env: { ORBCTL_SIM_FAULT: 'hang-after:create' },
      });
      const done = collect(child);
      let exited = false;
      void done.then(() => (exited = true));
      const running = await eventually(async () => {
        const m = (await s.state()).machines[0];
        return m?.state === 'running' ? m : undefined;
      });
      expect(running.name).toBe('stuck');
      // Well after the work is done, the client still has not returned.
      await wait(400);
      expect(exited).toBe(false);
      child.kill('SIGTERM');
      expect((await done).code).toBe(143);
    });

    it('fail: reports the default setup error and leaves no machine', async () => {
      const s = simulator();
      const r = await s.run(['create', 'kali', 'kali-rd'], { env: { ORBCTL_SIM_FAULT: 'fail:create' } });
      expect(r).toMatchObject({
        code: 1,
        stderr: "[-32098] create 'kali-rd': setup: machine crashed on startup\n",
      });
      expect(await list(s)).toEqual([]);
    });
  },
);

import { describe, expect, it } from 'vitest';
import { simulator, type ListedMachine, PROCESS_TESTS } from '../../../test/helpers/sim';

describe.concurrent('list -f json (docs/orbctl.md#list-json)', PROCESS_TESTS, () => {
  it('prints [] (never null) when there are no machines', async () => {
    const s = simulator();
    expect(await s.ok(['list', '-f', 'json'])).toBe('[]\n');
    expect(await s.ok(['list'])).toBe('');
  });

  it('prints records in Go field order, 2-space indented, sorted by name, with a trailing newline', async () => {
    const s = simulator();
    await s.setup('add', 'web-server', 'ubuntu:22.04', 'username=ubuntu');
    await s.setup('add', 'alpha', 'arch', 'state=stopped');
    const out = await s.ok(['list', '-f', 'json']);
    const list = JSON.parse(out) as ListedMachine[];
    expect(out).toBe(`${JSON.stringify(list, null, 2)}\n`);
    expect(list.map((m) => m.name)).toEqual(['alpha', 'web-server']);
    const web = list[1]!;
    expect(Object.keys(web)).toEqual(['id', 'name', 'image', 'config', 'builtin', 'state']);
    expect(Object.keys(web.image)).toEqual(['distro', 'version', 'arch', 'variant']);
    expect(Object.keys(web.config)).toEqual(['isolated', 'default_username']);
    expect(web).toMatchObject({
      name: 'web-server',
      image: { distro: 'ubuntu', version: 'jammy', arch: 'arm64', variant: 'default' },
      config: { isolated: false, default_username: 'ubuntu' },
      builtin: false,
      state: 'running',
    });
    expect(web.id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    // image.distro is the image name, not the CLI word.
    expect(list[0]?.image.distro).toBe('archlinux');
  });

  it('filters with -r; -q prints names and wins over -f', async () => {
    const s = simulator();
    await s.setup('add', 'a1', 'ubuntu');
    await s.setup('add', 'b1', 'debian', 'state=stopped');
    expect((await s.json<ListedMachine[]>(['list', '-r', '-f', 'json'])).map((m) => m.name)).toEqual(['a1']);
    expect(await s.ok(['list', '-q'])).toBe('a1\nb1\n');
    expect(await s.ok(['list', '-q', '-r'])).toBe('a1\n');
    expect(await s.ok(['list', '-q', '-f', 'bogus'])).toBe('a1\nb1\n');
    expect(await s.ok(['-f', 'json', 'list', '--running'])).toContain('"a1"');
  });

  it('refuses an unknown format with a usage error', async () => {
    const s = simulator();
    const r = await s.run(['list', '-f', 'yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: invalid format: yaml\nUsage:\n {2}orbctl list/);
    expect(r.stdout).toBe('');
  });

  it('never lists the built-in docker machine', async () => {
    const s = simulator();
    await s.ok(['__sim', 'add', 'vm1', 'ubuntu']);
    expect(await s.ok(['list', '-q'])).toBe('vm1\n');
  });
});

describe.concurrent('list text (docs/orbctl.md#list-and-info-as-text)', PROCESS_TESTS, () => {
  it('has no header when stdout is not a terminal; SIZE is SI with a space; IP only while running', async () => {
    const s = simulator();
    await s.setup('add', 'k8s-master', 'ubuntu:24.04', 'state=stopped', 'disk_size=962924544');
    await s.setup('add', 'ubuntu', 'ubuntu:24.04', 'disk_size=1200000000', 'ip4=198.19.249.76');
    expect(await s.ok(['list'])).toBe(
      'k8s-master  stopped  ubuntu  noble  arm64  962.9 MB  \n' +
        'ubuntu      running  ubuntu  noble  arm64  1.2 GB    198.19.249.76\n',
    );
  });

  it('has 5 columns before 1.10 and 6 (no IP) before 1.11.3', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu:jammy', 'disk_size=512');
    expect(await s.ok(['list'], { env: { ORBCTL_SIM_VERSION: '1.9.5' } })).toBe(
      'vm1  running  ubuntu  jammy  arm64\n',
    );
    expect(await s.ok(['list'], { env: { ORBCTL_SIM_VERSION: '1.11.1' } })).toBe(
      'vm1  running  ubuntu  jammy  arm64  512 B\n',
    );
  });
});

describe.concurrent('info -f json (docs/orbctl.md#info-json)', PROCESS_TESTS, () => {
  it('wraps the record with disk_size and IPs while running', async () => {
    const s = simulator();
    await s.setup('add', 'test-vm', 'ubuntu:jammy', 'disk_size=962924544', 'ip4=198.19.249.76');
    const out = await s.ok(['info', 'test-vm', '-f', 'json']);
    const info = JSON.parse(out) as Record<string, unknown>;
    expect(out).toBe(`${JSON.stringify(info, null, 2)}\n`);
    expect(Object.keys(info)).toEqual(['record', 'disk_size', 'ip4', 'ip6']);
    expect(info).toMatchObject({
      record: { name: 'test-vm', state: 'running' },
      disk_size: 962924544,
      ip4: '198.19.249.76',
    });
    expect(info.ip6).toMatch(/^fd07:b51a:cc66:0:[0-9a-f:]+$/);
  });

  it('omits ip4/ip6 when stopped and prints disk_size null when unknown', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'debian', 'state=stopped', 'disk_size=null');
    const info = await s.json<Record<string, unknown>>(['info', '--format=json', 'vm1']);
    expect(Object.keys(info)).toEqual(['record', 'disk_size']);
    expect(info.disk_size).toBeNull();
  });

  it('accepts the id as well as the name, and the alias i', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'alpine');
    const [m] = await s.json<ListedMachine[]>(['list', '-f', 'json']);
    const info = await s.json<{ record: ListedMachine }>(['i', m!.id, '-f', 'json']);
    expect(info.record.name).toBe('vm1');
  });

  it('prints the bare record before 1.10', async () => {
    const s = simulator({ ORBCTL_SIM_VERSION: '1.9.5' });
    await s.setup('add', 'vm1', 'alpine');
    const info = await s.json<Record<string, unknown>>(['info', 'vm1', '-f', 'json']);
    expect(Object.keys(info)).toEqual(['id', 'name', 'image', 'config', 'builtin', 'state']);
  });

  it('shows the built-in docker machine with builtin true', async () => {
    const s = simulator();
    const info = await s.json<{ record: ListedMachine }>(['info', 'docker', '-f', 'json']);
    expect(info.record).toMatchObject({ id: '01GQQVF6C60000000000DOCKER', name: 'docker', builtin: true });
  });
});

describe.concurrent('info text (docs/orbctl.md#list-and-info-as-text)', PROCESS_TESTS, () => {
  it('prints the documented blocks, and falls back to text for an unknown -f', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'fedora', 'disk_size=1200000000', 'ip4=198.19.249.9', 'ip6=fd07::9');
    const text = await s.ok(['info', 'vm1']);
    expect(text).toMatch(
      /^ID: [0-9A-Z]{26}\nName: vm1\nState: running\n\nDistro: fedora\nVersion: 42\nArchitecture: arm64\n\nDisk usage: 1\.2 GB\n\nIPv4: 198\.19\.249\.9\nIPv6: fd07::9\n$/,
    );
    expect(await s.ok(['info', 'vm1', '-f', 'yaml'])).toBe(text);
    await s.setup('set', 'vm1', 'state=stopped');
    expect(await s.ok(['info', 'vm1'])).not.toContain('IPv4');
  });
});

describe.concurrent('machine not found (docs/orbctl.md#failure-names)', PROCESS_TESTS, () => {
  it("says [-32098] machine not found: 'NAME' on stderr with exit 1 (no name before 1.10)", async () => {
    const s = simulator();
    const r = await s.run(['info', 'nope']);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: "[-32098] machine not found: 'nope'\n" });
    const old = await s.run(['info', 'nope'], { env: { ORBCTL_SIM_VERSION: '1.9.5' } });
    expect(old.stderr).toBe('[-32098] machine not found\n');
  });
});

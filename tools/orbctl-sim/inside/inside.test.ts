import { describe, expect, it } from 'vitest';
import { shellList } from '../commands/run';
import type { StoredMachine } from '../store/state';
import { applyInsideSetting, parsePorts } from './inside-knobs';
import { procText, socketsOf } from './procfs';
import { expandGlobs, runInsideTool } from './shell-tools';

function machine(over: Partial<StoredMachine> = {}): StoredMachine {
  return {
    id: '01JZ8Q4M3N5P6R7S8T9VWXYZ0A',
    name: 'web',
    image: { distro: 'ubuntu', version: 'noble', arch: 'arm64', variant: 'default' },
    config: { isolated: false, default_username: 'me' },
    state: 'running',
    disk_size: 2_000_000_000,
    ip4: '198.19.249.12',
    ip6: 'fd07:b51a:cc66:0:a8c1:abff:fe12:3456',
    created_at: 1_000_000,
    ...over,
  };
}

function run(m: StoredMachine, cmd: string, args: string[], stdin: string | null = null) {
  let out = '';
  let err = '';
  const code = runInsideTool(
    cmd,
    args,
    { machine: m, rootfs: '/nonexistent', cwd: '/root', now: 1_000_000 + 3_600_000 },
    { out: (t) => void (out += t), err: (t) => void (err += t), stdin },
  );
  return { code, out, err };
}

const cpuLine = (text: string) => text.split('\n')[0]!.split(/\s+/).slice(1).map(Number);

describe('a simulated machine’s /proc', () => {
  it('counts CPU time forward, and the busy share moves between readings', () => {
    const m = machine();
    const at = (s: number) => cpuLine(procText(m, '/proc/stat', 1_000_000 + s * 1000)!);
    const shares = [10, 40, 70].map((s) => {
      const [a, b] = [at(s), at(s + 2)];
      const total = b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0);
      const idle = b[3]! + b[4]! - a[3]! - a[4]!;
      expect(total).toBeGreaterThan(0);
      return (total - idle) / total;
    });
    expect(Math.min(...shares)).toBeGreaterThan(0);
    expect(new Set(shares.map((s) => s.toFixed(4))).size).toBe(3);
  });

  it('keeps a page cache that is not memory in use', () => {
    const text = procText(machine(), '/proc/meminfo', 5_000_000)!;
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)![1]);
    expect(kb('MemTotal') - kb('MemAvailable')).toBeLessThan(kb('Cached'));
    expect(kb('MemFree')).toBeLessThan(kb('MemAvailable'));
  });

  it('counts uptime from the machine’s last start', () => {
    expect(procText(machine({ started_at: 4_000_000 }), '/proc/uptime', 4_010_000)).toMatch(/^10\.00 /);
  });

  it('lists what listens in the kernel’s format, both families for "any", and no tcp6 with IPv6 off', () => {
    const m = machine({ inside: { ports: parsePorts('80/nginx,5432@127.0.0.1/postgres,9000@::1/php-fpm') } });
    expect(socketsOf(m).map((s) => `${s.address} ${s.port} ${s.program}`)).toEqual([
      '0.0.0.0 80 nginx',
      ':: 80 nginx',
      '127.0.0.1 5432 postgres',
      '::1 9000 php-fpm',
    ]);
    expect(procText(m, '/proc/net/tcp', 5_000_000)).toContain('   1: 0100007F:1538 00000000:0000 0A ');
    expect(procText(m, '/proc/net/tcp6', 5_000_000)).toContain(
      '00000000000000000000000001000000:2328 00000000000000000000000000000000:0000 0A',
    );
    applyInsideSetting(m, 'ipv6', 'off');
    expect(procText(m, '/proc/net/tcp6', 5_000_000)).toBeUndefined();
    expect(socketsOf(m).map((s) => s.address)).toEqual(['0.0.0.0', '127.0.0.1']);
  });

  it('answers what no kernel prints when told to', () => {
    const m = machine();
    applyInsideSetting(m, 'proc', 'garbled');
    expect(procText(m, '/proc/meminfo', 5_000_000)).toBe('MemTotal: plenty\n');
  });

  it('refuses settings it cannot honour', () => {
    expect(() => parsePorts('http/nginx')).toThrow('ports: "http/nginx" is not PORT[@ADDRESS]/PROGRAM');
    expect(() => applyInsideSetting(machine(), 'ipv6', 'maybe')).toThrow('ipv6 must be on or off');
    expect(applyInsideSetting(machine(), 'colour', 'red')).toBe(false);
  });
});

describe('the tools a usage reading runs', () => {
  it('grep prints matching rows, with the file name for several files, and says which file is missing', () => {
    const m = machine({ inside: { ipv6: false, ports: parsePorts('22/sshd') } });
    const r = run(m, 'grep', [' 0A ', '/proc/net/tcp', '/proc/net/tcp6']);
    expect(r.out).toMatch(/^\/proc\/net\/tcp: {3}0: 00000000:0016 /);
    expect(r.err).toBe('grep: /proc/net/tcp6: No such file or directory\n');
    expect(r.code).toBe(2);
    expect(run(m, 'grep', ['-e', '^b', '-e', 'z'], 'apple\nbanana\nfizz\n')).toMatchObject({
      out: 'banana\nfizz\n',
      code: 0,
    });
    expect(run(m, 'grep', ['nothing'], 'apple\n').code).toBe(1);
  });

  it('df prints GNU’s columns, busybox’s on Alpine, the disk size in use of the filesystem’s size', () => {
    const gnu = run(machine({ inside: { fs_total: 10_240_000 } }), 'df', ['-P', '-k', '/']);
    expect(gnu.out.split('\n')[1]).toMatch(/^\/dev\/vdb1 +10000 +10000 +0 +100% \/$/);
    const alpine = machine({
      image: { distro: 'alpine', version: '3.22', arch: 'arm64', variant: 'default' },
    });
    expect(run(alpine, 'df', ['-P', '-k', '/']).out).toMatch(/^Filesystem {11}1024-blocks {4}Used/);
  });

  it('du sizes the well-known folders from the disk size and refuses a folder that is not there', () => {
    const r = run(machine(), 'du', ['-x', '-k', '-d', '1', '--', '/']);
    const rows = r.out.trim().split('\n');
    expect(rows.at(-1)).toMatch(/^\d+\t\/$/);
    expect(rows).toContain(`${Math.round((2_000_000_000 / 1024) * 0.42)}\t/usr`);
    expect(run(machine(), 'du', ['-x', '-k', '-d', '1', '--', '/nope'])).toMatchObject({
      code: 1,
      err: "du: cannot access '/nope': No such file or directory\n",
    });
  });

  it('expands /proc/[0-9]* in text order, and lists each process’s sockets', () => {
    const m = machine({ inside: { ports: parsePorts('80/nginx') } });
    expect(expandGlobs(['/proc/[0-9]*/comm'], m)).toEqual([
      '/proc/1/comm',
      '/proc/211/comm',
      '/proc/97/comm',
    ]);
    const ls = run(m, 'ls', ['-l', '/proc/[0-9]*/fd']);
    expect(ls.out).toContain('/proc/211/fd:\ntotal 0\n');
    expect(ls.out).toContain(' 3 -> socket:[20100]\n');
  });

  it('the shell splits pipelines and drops the errors of `2>/dev/null`', () => {
    const [step] = shellList("ls -l /proc/[0-9]*/fd 2>/dev/null | grep -e '^/proc/' -e 'socket:'");
    expect(step).toMatchObject({
      words: ['ls', '-l', '/proc/[0-9]*/fd'],
      quietErrors: true,
      pipeTo: [{ words: ['grep', '-e', '^/proc/', '-e', 'socket:'] }],
    });
  });
});

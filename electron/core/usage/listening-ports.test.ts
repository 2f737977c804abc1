import { describe, expect, it } from 'vitest';
import { fixture, portsOutput } from '../../../test/helpers/machine-texts';
import { ipv4, ipv6, parseListening, scopeOf, socketOwners } from './listening-ports';
import { readPortsWithPrograms } from './sample-reading';

const tables = (machine: string) => fixture(machine, 'net-tcp') + fixture(machine, 'net-tcp6');

describe('/proc/net/tcp and /proc/net/tcp6', () => {
  it('lists the LISTEN rows only, with addresses as people write them (glibc machine)', () => {
    const { sockets, unreadable } = parseListening(tables('ubuntu-noble-arm64'));
    expect(unreadable).toBe(0);
    expect(sockets.map(({ protocol, address, port, scope }) => [protocol, address, port, scope])).toEqual([
      ['tcp', '127.0.0.53', 53, 'loopback'],
      ['tcp', '127.0.0.54', 53, 'loopback'],
      ['tcp6', '::', 3000, 'all'],
      ['tcp', '127.0.0.1', 5432, 'loopback'],
      ['tcp6', '::1', 5432, 'loopback'],
    ]);
  });

  it('reads rows as grep prints them from both files, each with its file name', () => {
    const grepped = ['net-tcp', 'net-tcp6'].flatMap((file) =>
      fixture('alpine-3.22-arm64', file)
        .split('\n')
        .filter((l) => l.includes(' 0A '))
        .map((l) => `/proc/net/${file.slice(4)}:${l}`),
    );
    expect(
      parseListening(grepped.join('\n')).sockets.map((s) => [s.protocol, s.address, s.port, s.inode]),
    ).toEqual([
      ['tcp', '0.0.0.0', 80, 20114],
      ['tcp6', '::', 80, 20115],
    ]);
  });

  it('keeps one row for a port several processes share, and a server bound to one address', () => {
    const { sockets } = parseListening(tables('fedora-42-amd64'));
    expect(sockets.filter((s) => s.port === 8080)).toHaveLength(1);
    expect(sockets.find((s) => s.port === 8000)).toMatchObject({
      address: '198.19.249.37',
      scope: 'address',
    });
    expect(sockets.find((s) => s.port === 9090)).toMatchObject({
      protocol: 'tcp6',
      address: 'fd07:b51a:cc66:0:a8c1:abff:fe12:3456',
      scope: 'address',
    });
  });

  it('decodes the kernel’s little-endian words', () => {
    expect(ipv4('3500007F')).toBe('127.0.0.53');
    expect(ipv4('00000000')).toBe('0.0.0.0');
    expect(ipv6('00000000000000000000000001000000')).toBe('::1');
    expect(ipv6('0000000000000000FFFF00000100007F')).toBe('::ffff:127.0.0.1');
    expect(ipv6('000080FE00000000FF01C1A8563412FE')).toBe('fe80::a8c1:1ff:fe12:3456');
    expect(scopeOf('::ffff:127.0.0.1')).toBe('loopback');
    expect(scopeOf('::')).toBe('all');
  });

  it('counts rows that are not the kernel’s instead of guessing', () => {
    expect(parseListening('   0: nonsense here\nsl  local_address\n')).toEqual({
      sockets: [],
      unreadable: 1,
    });
  });
});

describe('which program listens', () => {
  it('finds each socket’s process from its fd links (GNU ls)', () => {
    const owners = socketOwners(
      fixture('ubuntu-noble-arm64', 'ls-fd'),
      fixture('ubuntu-noble-arm64', 'comm'),
    );
    expect(owners.get(15884)).toEqual({ pid: 112, name: 'systemd-resolve' });
    expect(owners.get(48213)).toEqual({ pid: 20931, name: 'node' });
  });

  it('gives a socket shared after fork to its parent, whatever order the glob listed them (busybox ls)', () => {
    const fds = fixture('alpine-3.22-arm64', 'ls-fd');
    const reordered = fds.slice(fds.indexOf('/proc/2232/fd:')) + fds.slice(0, fds.indexOf('/proc/2232/fd:'));
    for (const text of [fds, reordered])
      expect(socketOwners(text, fixture('alpine-3.22-arm64', 'comm')).get(20114)).toEqual({
        pid: 2231,
        name: 'nginx',
      });
  });

  it('reads SELinux’s `lrwx------.` and names a process without a comm by its pid', () => {
    const owners = socketOwners(fixture('fedora-42-amd64', 'ls-fd'), '');
    expect(owners.get(24110)).toEqual({ pid: 1388, name: 'pid 1388' });
  });

  it('joins ports and programs from the ports line’s output', () => {
    const reading = readPortsWithPrograms(portsOutput('ubuntu-noble-arm64'), 5);
    expect(reading.notes).toEqual([]);
    expect(reading.ports.ok && reading.ports.value.map((p) => [p.port, p.address, p.process?.name])).toEqual([
      [53, '127.0.0.53', 'systemd-resolve'],
      [53, '127.0.0.54', 'systemd-resolve'],
      [3000, '::', 'node'],
      [5432, '127.0.0.1', 'postgres'],
      [5432, '::1', 'postgres'],
    ]);
  });

  it('says when the programs could not be read', () => {
    const output = portsOutput('alpine-3.22-arm64');
    const withoutFds = { ...output, stdout: output.stdout.replace(/@@fd\n[\s\S]*@@comm/, '@@fd\n@@comm') };
    expect(readPortsWithPrograms(withoutFds, 5).notes).toEqual([
      'The programs could not be read (the process table was not readable).',
    ]);
  });
});

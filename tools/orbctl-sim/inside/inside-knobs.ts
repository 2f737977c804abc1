/**
 * What a simulated machine looks like from inside (its `/proc`, its filesystem, what listens), and the
 * `__sim set` keys that change it for a test: `ports`, `ipv6`, `fs_total`, `root`, `cpu`, `proc`.
 */
import { simError } from '../failure';
import type { StoredMachine } from '../store/state';

/** One listening socket: a port, the address it is bound to (both families' "any" when absent), its program. */
export interface SimPort {
  port: number;
  address?: string;
  program: string;
}

export interface StoredInside {
  /** What listens; absent: the distro's usual (listenersOf). */
  ports?: SimPort[];
  /** false: the machine has no /proc/net/tcp6. */
  ipv6?: boolean;
  /** Size of the root filesystem in bytes; absent: the disk limit, else 128 GB. */
  fs_total?: number;
  /** The root filesystem is mounted read-only. */
  read_only?: boolean;
  /** Average CPU use in percent; absent: a few percent, from the machine's id. */
  cpu?: number;
  /** `garbled`: /proc answers what no kernel prints (the tests of bad output). */
  proc?: 'garbled';
}

/** `80/nginx,5432@127.0.0.1/postgres,8080@::/java`: PORT[@ADDRESS]/PROGRAM, comma-separated; empty for none. */
export function parsePorts(spec: string): SimPort[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((item) => {
    const m = /^(\d{1,5})(?:@([0-9a-fA-F.:]+))?\/([\w.-]{1,15})$/.exec(item.trim());
    if (!m || Number(m[1]) > 65535) throw simError(`ports: "${item}" is not PORT[@ADDRESS]/PROGRAM`);
    return { port: Number(m[1]), ...(m[2] ? { address: m[2] } : {}), program: m[3]! };
  });
}

export function formatPorts(ports: readonly SimPort[]): string {
  return ports.map((p) => `${p.port}${p.address ? `@${p.address}` : ''}/${p.program}`).join(',');
}

/** Applies one `__sim set` key about the inside; false for a key that is not one. */
export function applyInsideSetting(m: StoredMachine, key: string, value: string): boolean {
  const inside: StoredInside = (m.inside ??= {});
  switch (key) {
    case 'ports':
      inside.ports = parsePorts(value);
      return true;
    case 'ipv6':
      if (value !== 'on' && value !== 'off') throw simError('ipv6 must be on or off');
      inside.ipv6 = value === 'on';
      return true;
    case 'fs_total':
      if (!/^\d+$/.test(value) || Number(value) < 1) throw simError('fs_total must be bytes');
      inside.fs_total = Number(value);
      return true;
    case 'root':
      if (value !== 'ro' && value !== 'rw') throw simError('root must be ro or rw');
      inside.read_only = value === 'ro';
      return true;
    case 'cpu':
      if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) throw simError('cpu must be a percentage');
      inside.cpu = Number(value);
      return true;
    case 'proc':
      if (value !== 'garbled' && value !== 'normal') throw simError('proc must be garbled or normal');
      if (value === 'garbled') inside.proc = 'garbled';
      else delete inside.proc;
      return true;
    default:
      return false;
  }
}

/** What listens in a machine nobody configured: what its distro starts by itself. */
export function listenersOf(m: StoredMachine): SimPort[] {
  if (m.inside?.ports) return m.inside.ports;
  // systemd-resolved's stub listener, on the distros that enable it.
  if (m.image.distro === 'ubuntu') return [{ port: 53, address: '127.0.0.53', program: 'systemd-resolve' }];
  return [];
}

/**
 * TCP sockets in LISTEN state from the kernel's tables `/proc/net/tcp` and `/proc/net/tcp6` (proc(5); no `ss`
 * or `netstat` needed, busybox machines have neither). A row is
 * `sl: LOCAL REMOTE st tx:rx tr:when retrnsmt uid timeout inode …`, addresses in hex as the kernel keeps them:
 * each 32-bit word in the machine's byte order (little-endian on arm64 and x86-64, all OrbStack runs), the
 * port in plain hex. State 0A is LISTEN.
 */
import type { ListeningPort, PortScope } from '../../../shared/usage';

const LISTEN = '0A';

/** A socket's inode (to find its program) beside what the window shows. */
export interface ListeningSocket extends ListeningPort {
  inode: number;
}

/**
 * Every LISTEN row of the tables in `text` (both files' rows, as `grep ' 0A ' /proc/net/tcp /proc/net/tcp6`
 * prints them with a `FILE:` prefix, or a table as it is). Rows that are not what the kernel prints are
 * counted in `unreadable`; the same port and address twice (one socket per thread with SO_REUSEPORT) once.
 */
export function parseListening(text: string): { sockets: ListeningSocket[]; unreadable: number } {
  const sockets = new Map<string, ListeningSocket>();
  let unreadable = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\/proc\/net\/tcp6?:/, '').trim();
    if (line === '' || line.startsWith('sl ')) continue;
    const f = line.split(/\s+/);
    const local = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(f[1] ?? '');
    if (!/^\d+:$/.test(f[0] ?? '') || !local || f.length < 10 || !/^\d+$/.test(f[9]!)) {
      unreadable++;
      continue;
    }
    if (f[3]?.toUpperCase() !== LISTEN) continue;
    const v6 = local[1]!.length === 32;
    const address = v6 ? ipv6(local[1]!) : ipv4(local[1]!);
    const socket: ListeningSocket = {
      port: parseInt(local[2]!, 16),
      protocol: v6 ? 'tcp6' : 'tcp',
      address,
      scope: scopeOf(address),
      inode: Number(f[9]),
    };
    sockets.set(`${socket.protocol} ${address} ${socket.port}`, socket);
  }
  return {
    sockets: [...sockets.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol)),
    unreadable,
  };
}

/** One little-endian 32-bit word of hex as its four bytes in network order. */
function wordBytes(hex: string): number[] {
  return [6, 4, 2, 0].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

export function ipv4(hex: string): string {
  return wordBytes(hex).join('.');
}

/** RFC 5952 text: the longest run of zero groups as `::`, an IPv4-mapped address with its IPv4 tail. */
export function ipv6(hex: string): string {
  const bytes = [0, 8, 16, 24].flatMap((i) => wordBytes(hex.slice(i, i + 8)));
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return `::ffff:${bytes.slice(12).join('.')}`;
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!);
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i > 1) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const text = groups.map((g) => g.toString(16));
  if (best.at < 0) return text.join(':');
  return `${text.slice(0, best.at).join(':')}::${text.slice(best.at + best.length).join(':')}`;
}

export function scopeOf(address: string): PortScope {
  if (address === '0.0.0.0' || address === '::' || address === '::ffff:0.0.0.0') return 'all';
  if (/^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address)) return 'loopback';
  return 'address';
}

/**
 * Which program holds each socket: `ls -l /proc/PID/fd` lists `N -> socket:[INODE]` under a `/proc/PID/fd:`
 * heading (GNU and busybox alike), `grep -H . /proc/PID/comm` gives `/proc/PID/comm:NAME`.
 */
export function socketOwners(fds: string, comms: string): Map<number, { pid: number; name: string }> {
  const names = new Map<number, string>();
  for (const m of comms.matchAll(/^\/proc\/(\d+)\/comm:(.*)$/gm)) names.set(Number(m[1]), m[2]!.trim());
  const owners = new Map<number, { pid: number; name: string }>();
  let pid: number | null = null;
  for (const line of fds.split('\n')) {
    const heading = /^\/proc\/(\d+)\/fd:$/.exec(line.trim());
    if (heading) {
      pid = Number(heading[1]);
      continue;
    }
    const socket = /socket:\[(\d+)\]/.exec(line);
    if (socket && pid !== null) {
      const inode = Number(socket[1]);
      // A socket shared after fork is shown with its lowest pid (the parent, e.g. nginx's master); the
      // shell's glob lists /proc/1, /proc/10, /proc/2 in text order, not by number.
      const held = owners.get(inode);
      if (!held || pid < held.pid) owners.set(inode, { pid, name: names.get(pid) ?? `pid ${pid}` });
    }
  }
  return owners;
}

/**
 * A running machine's `/proc`, made up but plausible and changing: CPU counters that grow with a load that
 * drifts (a slow and a quick wave around the machine's own average, so a graph moves), memory in use that
 * drifts while a large page cache stays (so "used without cache" is visibly not "total − free"), load
 * averages, uptime since the machine last started, the root mount, and socket tables with what listens.
 * The texts follow the kernel's formats (proc(5)), so the app reads them as it reads a real machine's.
 */
import type { StoredMachine } from '../store/state';
import { listenersOf, type SimPort } from './inside-knobs';

const KIB = 1024;
const GIB = 1024 ** 3;
const TAU = Math.PI * 2;

/** A number in [0, 1) from the machine's id: its own average load, memory, cache. */
function seedOf(text: string, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10000) / 10000;
}

export function coresOf(m: StoredMachine): number {
  return m.limits?.cpu ?? 8;
}

export function memoryOf(m: StoredMachine): number {
  return m.limits?.memory_mib ? m.limits.memory_mib * 1024 * 1024 : 8 * GIB;
}

/** Seconds since the machine last started. */
export function uptimeOf(m: StoredMachine, now: number): number {
  return Math.max(1, (now - (m.started_at ?? m.created_at)) / 1000);
}

interface Load {
  base: number;
  waves: Array<{ amplitude: number; period: number; phase: number }>;
}

function loadOf(m: StoredMachine): Load {
  const base = (m.inside?.cpu ?? 2 + 10 * seedOf(m.id)) / 100;
  return {
    base,
    waves: [
      { amplitude: base * 0.6, period: 97, phase: TAU * seedOf(m.id, 1) },
      { amplitude: base * 0.3, period: 23, phase: TAU * seedOf(m.id, 2) },
    ],
  };
}

/** The share of all CPUs busy at `t` seconds after start (never below a tenth of the average). */
function loadAt(load: Load, t: number): number {
  return load.waves.reduce(
    (sum, w) => sum + w.amplitude * Math.sin((TAU * t) / w.period + w.phase),
    load.base,
  );
}

/** CPU-seconds of work done by all CPUs together from start to `t`: the integral of loadAt. */
function busySeconds(load: Load, t: number): number {
  return load.waves.reduce(
    (sum, w) =>
      sum - ((w.amplitude * w.period) / TAU) * (Math.cos((TAU * t) / w.period + w.phase) - Math.cos(w.phase)),
    load.base * t,
  );
}

function stat(m: StoredMachine, t: number): string {
  const cores = coresOf(m);
  // Jiffies (1/100 s) of all CPUs together.
  const busy = busySeconds(loadOf(m), t) * 100 * cores;
  const total = Math.round(t * 100);
  const iowait = Math.round(total * 0.004);
  const row = (name: string, share: number, skew: number) => {
    const b = Math.round(busy * share * skew);
    const all = Math.round(total * cores * share);
    const io = Math.round(iowait * cores * share);
    const [user, system, softirq] = [
      Math.round(b * 0.7),
      Math.round(b * 0.25),
      b - Math.round(b * 0.7) - Math.round(b * 0.25),
    ];
    return `${name} ${user} 0 ${system} ${Math.max(0, all - b - io)} ${io} 0 ${softirq} 0 0 0`;
  };
  const perCpu = Array.from({ length: cores }, (_, i) =>
    row(`cpu${i}`, 1 / cores, 1 + (i === 0 ? 0.04 : -0.04 / (cores - 1 || 1))),
  );
  return [
    row('cpu ', 1, 1),
    ...perCpu,
    `intr ${total * 41} 0 ${total * 7} 0 0 0 0`,
    `ctxt ${total * 73}`,
    `btime ${Math.floor((Date.now() - t * 1000) / 1000)}`,
    `processes ${Math.floor(t * 3) + 120}`,
    'procs_running 1',
    'procs_blocked 0',
    '',
  ].join('\n');
}

function meminfo(m: StoredMachine, t: number): string {
  const total = memoryOf(m);
  const used = total * (0.08 + 0.06 * seedOf(m.id, 3) + 0.02 * Math.sin((TAU * t) / 300 + seedOf(m.id, 4)));
  const cached = total * (0.25 + 0.1 * seedOf(m.id, 5));
  const buffers = total * 0.015;
  const reclaimable = total * 0.02;
  const kb = (bytes: number) => `${String(Math.round(bytes / KIB)).padStart(8)} kB`;
  const swapTotal = 2 * GIB;
  const lines: Array<[string, number]> = [
    ['MemTotal', total],
    ['MemFree', total - used - cached - buffers - reclaimable],
    ['MemAvailable', total - used],
    ['Buffers', buffers],
    ['Cached', cached],
    ['SwapCached', 0],
    ['Active', used * 0.6 + cached * 0.3],
    ['Inactive', cached * 0.7],
    ['SwapTotal', swapTotal],
    ['SwapFree', swapTotal - 48 * 1024 * 1024 * seedOf(m.id, 6)],
    ['Dirty', 212 * KIB],
    ['AnonPages', used * 0.9],
    ['Shmem', 30 * 1024 * KIB],
    ['KReclaimable', reclaimable],
    ['Slab', reclaimable * 1.6],
    ['SReclaimable', reclaimable],
    ['SUnreclaim', reclaimable * 0.6],
  ];
  return (
    lines.map(([key, bytes]) => `${`${key}:`.padEnd(16)}${kb(bytes)}`).join('\n') +
    '\nHugePages_Total:       0\n'
  );
}

function loadavg(m: StoredMachine, t: number): string {
  const load = loadOf(m);
  const cores = coresOf(m);
  const over = (seconds: number) => {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += loadAt(load, Math.max(0, t - (seconds * i) / 10));
    return ((sum / 10) * cores).toFixed(2);
  };
  return `${over(60)} ${over(300)} ${over(900)} 1/${90 + listenersOf(m).length} ${Math.floor(t * 3) + 120}\n`;
}

/** The kernel prints an IPv4 address as its 32-bit word read little-endian. */
function hex4(address: string): string {
  return address
    .split('.')
    .reverse()
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

function hex6(address: string): string {
  const [head = '', tail = ''] = address.split('::');
  const parts = (s: string) => (s === '' ? [] : s.split(':'));
  const groups = [
    ...parts(head),
    ...Array(8 - parts(head).length - parts(tail).length).fill('0'),
    ...parts(tail),
  ];
  const bytes = groups.flatMap((g: string) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
  return [0, 4, 8, 12].map((i) => hex4(bytes.slice(i, i + 4).join('.'))).join('');
}

/** A machine's listening sockets, one per family for a port bound to "any" address. */
export function socketsOf(m: StoredMachine): Array<SimPort & { v6: boolean; inode: number }> {
  const v6On = m.inside?.ipv6 !== false;
  return listenersOf(m).flatMap((p, i) => {
    const inode = 20100 + i * 10;
    if (p.address === undefined)
      return [
        { ...p, address: '0.0.0.0', v6: false, inode },
        ...(v6On ? [{ ...p, address: '::', v6: true, inode: inode + 1 }] : []),
      ];
    const v6 = p.address.includes(':');
    return v6 && !v6On ? [] : [{ ...p, v6, inode }];
  });
}

function tcpTable(m: StoredMachine, v6: boolean): string {
  const header = v6
    ? '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'
    : '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
  const any = v6 ? hex6('::') : hex4('0.0.0.0');
  const rows = socketsOf(m)
    .filter((s) => s.v6 === v6)
    .map((s, i) => {
      const local = `${v6 ? hex6(s.address!) : hex4(s.address!)}:${s.port.toString(16).padStart(4, '0').toUpperCase()}`;
      return `${String(i).padStart(4)}: ${local} ${any}:0000 0A 00000000:00000000 00:00000000 00000000     0        0 ${s.inode} 1 0000000000000000 100 0 0 10 0`;
    });
  // One connection that is not listening, which a reader must skip.
  if (!v6 && m.ip4)
    rows.push(
      `${String(rows.length).padStart(4)}: ${hex4(m.ip4)}:B3A2 ${hex4('198.19.249.1')}:01BB 01 00000000:00000000 02:00000A53 00000000  1000        0 51322 2 0000000000000000 20 4 30 10 -1`,
    );
  return [header, ...rows, ''].join('\n');
}

/** pid → program name: init, one process per program that listens, and a cron. */
export function processesOf(m: StoredMachine): Map<number, string> {
  const init = m.image.distro === 'alpine' ? 'init' : m.image.distro === 'voidlinux' ? 'runit' : 'systemd';
  const processes = new Map<number, string>([[1, init]]);
  [...new Set(listenersOf(m).map((p) => p.program))].forEach((program, i) =>
    processes.set(211 + 37 * i, program),
  );
  processes.set(97, 'cron');
  return processes;
}

/** The `socket:[INODE]` links in a process's fd folder. */
export function socketLinksOf(m: StoredMachine, pid: number): number[] {
  const program = processesOf(m).get(pid);
  return socketsOf(m)
    .filter((s) => pid !== 1 && s.program === program)
    .map((s) => s.inode);
}

const GARBLED: Record<string, string> = {
  '/proc/stat': 'cpu lots of time\n',
  '/proc/meminfo': 'MemTotal: plenty\n',
  '/proc/loadavg': '\n',
  '/proc/uptime': 'forever\n',
};

/** The text of a file under /proc at `now`, or undefined when the machine has no such file. */
export function procText(m: StoredMachine, path: string, now: number): string | undefined {
  if (m.inside?.proc === 'garbled' && GARBLED[path] !== undefined) return GARBLED[path];
  const t = uptimeOf(m, now);
  switch (path) {
    case '/proc/stat':
      return stat(m, t);
    case '/proc/meminfo':
      return meminfo(m, t);
    case '/proc/loadavg':
      return loadavg(m, t);
    case '/proc/uptime':
      return `${t.toFixed(2)} ${(t * coresOf(m) * (1 - loadOf(m).base)).toFixed(2)}\n`;
    case '/proc/mounts':
      return [
        `/dev/vdb1 / btrfs ${m.inside?.read_only ? 'ro' : 'rw'},noatime,compress=zstd:1,ssd,discard=async,space_cache=v2,subvol=/containers/${m.id}/rootfs 0 0`,
        'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
        'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
        'mac /mnt/mac virtiofs rw,nosuid,nodev,relatime 0 0',
        '',
      ].join('\n');
    case '/proc/net/tcp':
      return tcpTable(m, false);
    case '/proc/net/tcp6':
      return m.inside?.ipv6 === false ? undefined : tcpTable(m, true);
  }
  const comm = /^\/proc\/(\d+)\/comm$/.exec(path);
  if (comm) {
    const name = processesOf(m).get(Number(comm[1]));
    return name === undefined ? undefined : `${name}\n`;
  }
  return undefined;
}

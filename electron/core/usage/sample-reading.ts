/**
 * One run of a usage line's output (usage-scripts.ts) turned into figures. Each part stands alone: a part that is
 * missing or not what the kernel prints becomes "not available" with its reason, and the others still count.
 */
import type { Figure, ListeningPort, PortsReading, UsageSample } from '../../../shared/usage';
import { parseDf } from './filesystem-figures';
import { parseListening, socketOwners } from './listening-ports';
import {
  cpuFigures,
  missing,
  ok,
  parseCpuTimes,
  parseLoad,
  parseMemory,
  parseSwap,
  parseUptime,
  type CpuTimes,
} from './proc-figures';
import { splitParts } from './usage-scripts';

/** What a line printed, and how it ended. */
export interface LineOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export interface SampleReading {
  sample: UsageSample;
  /** What the next sample's CPU figure is counted from (null when this one had none). */
  cpuTimes: CpuTimes | null;
}

/** Why a part is absent: the line was cut short, or the part printed nothing (with the machine's own words). */
function absent<T>(name: string, output: LineOutput, parts: Map<string, string>, what: string): Figure<T> {
  if (!parts.has('end'))
    return missing(
      parts.size === 0
        ? `The machine printed nothing OrbDeck can read${firstLine(output.stderr, ': ')}`
        : `The reading stopped before ${what}${firstLine(output.stderr, ': ')}`,
    );
  return missing(`${what} could not be read${firstLine(output.stderr, ': ')}`);
}

function firstLine(text: string, prefix: string): string {
  const line = text.trim().split('\n')[0]?.trim();
  return line ? `${prefix}${line}` : '.';
}

function part<T>(
  output: LineOutput,
  parts: Map<string, string>,
  name: string,
  what: string,
  read: (text: string) => Figure<T>,
): Figure<T> {
  const text = parts.get(name);
  return text === undefined || text.trim() === '' ? absent(name, output, parts, what) : read(text);
}

export function readSample(output: LineOutput, before: CpuTimes | null, at: number): SampleReading {
  const parts = splitParts(output.stdout);
  const times = part(output, parts, 'stat', '/proc/stat', parseCpuTimes);
  const meminfo = (read: typeof parseMemory | typeof parseSwap) =>
    part(output, parts, 'meminfo', '/proc/meminfo', read);
  const mounts = parts.get('mounts');
  return {
    cpuTimes: times.ok ? times.value : null,
    sample: {
      at,
      cpu: times.ok ? ok(cpuFigures(times.value, before)) : times,
      memory: meminfo(parseMemory) as UsageSample['memory'],
      swap: meminfo(parseSwap) as UsageSample['swap'],
      load: part(output, parts, 'loadavg', '/proc/loadavg', parseLoad),
      uptimeSeconds: part(output, parts, 'uptime', '/proc/uptime', parseUptime),
      filesystem: part(output, parts, 'df', 'The root filesystem (df)', (df) =>
        parseDf(df, mounts === undefined || mounts.trim() === '' ? null : mounts),
      ),
      ports: readPorts(output, parts, null).ports,
    },
  };
}

/**
 * The LISTEN rows of both socket tables. No IPv4 table at all is "not available"; a machine without IPv6
 * (no /proc/net/tcp6) still has its IPv4 ports, with a note that says so.
 */
function readPorts(
  output: LineOutput,
  parts: Map<string, string>,
  owners: Map<number, { pid: number; name: string }> | null,
): { ports: Figure<ListeningPort[]>; notes: string[] } {
  const notes: string[] = [];
  // grep names a file it cannot open, GNU and busybox alike: `grep: /proc/net/tcp6: No such file or directory`.
  const lost = output.stderr.split('\n').filter((l) => /No such file/i.test(l));
  const noV6 = lost.some((l) => l.includes('/proc/net/tcp6:'));
  const noV4 = lost.some((l) => l.includes('/proc/net/tcp:'));
  if (!parts.has('end') && !parts.has('fd'))
    return { ports: absent('tcp', output, parts, 'the ports'), notes };
  if (noV4 && noV6)
    return { ports: missing('The machine has neither /proc/net/tcp nor /proc/net/tcp6.'), notes };
  if (noV6) notes.push('IPv6 ports not available: the machine has no /proc/net/tcp6 (IPv6 is off in it).');
  if (noV4) notes.push('IPv4 ports not available: the machine has no /proc/net/tcp.');
  const { sockets, unreadable } = parseListening(parts.get('tcp') ?? '');
  if (unreadable > 0 && sockets.length === 0)
    return {
      ports: missing(`The socket tables were not what the kernel prints (${unreadable} rows).`),
      notes,
    };
  if (unreadable > 0) notes.push(`${unreadable} row(s) of the socket tables could not be read.`);
  const ports = sockets.map(({ inode, ...port }): ListeningPort => {
    const owner = owners?.get(inode);
    return owner ? { ...port, process: owner } : port;
  });
  return { ports: ok(ports), notes };
}

/** The ports line's output: the ports with their programs, and notes on what could not be read. */
export function readPortsWithPrograms(output: LineOutput, at: number): PortsReading {
  const parts = splitParts(output.stdout);
  const fds = parts.get('fd') ?? '';
  const owners = socketOwners(fds, parts.get('comm') ?? '');
  const { ports, notes } = readPorts(output, parts, owners);
  if (ports.ok && ports.value.some((p) => !p.process))
    notes.push(
      owners.size === 0
        ? 'The programs could not be read (the process table was not readable).'
        : 'Some programs could not be read (a socket may belong to a process that ended).',
    );
  return { at, ports, notes };
}

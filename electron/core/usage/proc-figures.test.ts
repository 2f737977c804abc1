import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/helpers/machine-texts';
import { parseDf, readOnlyRoot } from './filesystem-figures';
import {
  cpuFigures,
  parseCpuTimes,
  parseLoad,
  parseMemory,
  parseSwap,
  parseUptime,
  type CpuTimes,
} from './proc-figures';

const KIB = 1024;
const value = <T>(figure: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!figure.ok) throw new Error(`not available: ${figure.reason}`);
  return figure.value;
};

describe('/proc/stat', () => {
  it('counts every CPU state once and idle with iowait (glibc machine, 8 CPUs)', () => {
    expect(value(parseCpuTimes(fixture('ubuntu-noble-arm64', 'stat')))).toEqual({
      total: 1528374 + 2310 + 640225 + 95114233 + 18752 + 0 + 37418 + 0,
      idle: 95114233 + 18752,
      cores: 8,
    });
  });

  it('reads the same kernel text on busybox and on an amd64 machine', () => {
    expect(value(parseCpuTimes(fixture('alpine-3.22-arm64', 'stat'))).cores).toBe(8);
    expect(value(parseCpuTimes(fixture('fedora-42-amd64', 'stat'))).cores).toBe(4);
  });

  it('reads the eight columns of an old kernel', () => {
    expect(value(parseCpuTimes(fixture('kernel-3.10', 'stat')))).toEqual({
      total: 207838 + 1210 + 58211 + 18222301 + 9218 + 0 + 1101 + 0,
      idle: 18222301 + 9218,
      cores: 2,
    });
  });

  it('gives the busy share between two readings, and none for a first one or a reset', () => {
    const before: CpuTimes = { total: 1000, idle: 800, cores: 4 };
    expect(cpuFigures({ total: 1400, idle: 1100, cores: 4 }, before)).toEqual({ percent: 25, cores: 4 });
    expect(cpuFigures({ total: 1400, idle: 1100, cores: 4 }, null)).toEqual({ percent: null, cores: 4 });
    // The machine restarted between the readings: its counters began again.
    expect(cpuFigures({ total: 50, idle: 40, cores: 4 }, before).percent).toBeNull();
    expect(cpuFigures({ total: 1000, idle: 800, cores: 4 }, before).percent).toBeNull();
  });

  it('refuses text that is not the kernel’s, saying what it got', () => {
    expect(parseCpuTimes('sh: grep: not found')).toEqual({
      ok: false,
      reason: '/proc/stat has no “cpu” line: “sh: grep: not found”',
    });
    expect(parseCpuTimes('cpu  12 x 4 5').ok).toBe(false);
    expect(parseCpuTimes('cpu  12 4').ok).toBe(false);
  });
});

describe('/proc/meminfo', () => {
  it('counts MemTotal − MemAvailable as used: the page cache is not (glibc machine)', () => {
    const memory = value(parseMemory(fixture('ubuntu-noble-arm64', 'meminfo')));
    expect(memory).toEqual({
      totalBytes: 8140276 * KIB,
      usedBytes: (8140276 - 6648876) * KIB,
      availableBytes: 6648876 * KIB,
      cacheBytes: (139736 + 3347692 + 230564) * KIB,
      estimated: false,
    });
    // What "used" would be if the cache counted: the mistake that shows 60 % for a machine using 18 %.
    expect(memory.usedBytes / memory.totalBytes).toBeCloseTo(0.183, 3);
  });

  it('reads swap in use, and no swap at all on the busybox machine', () => {
    expect(value(parseSwap(fixture('ubuntu-noble-arm64', 'meminfo')))).toEqual({
      totalBytes: 2097148 * KIB,
      usedBytes: (2097148 - 2031612) * KIB,
    });
    expect(value(parseSwap(fixture('alpine-3.22-arm64', 'meminfo')))).toEqual({
      totalBytes: 0,
      usedBytes: 0,
    });
    expect(value(parseSwap(fixture('fedora-42-amd64', 'meminfo'))).usedBytes).toBe((4004860 - 2810336) * KIB);
  });

  it('estimates used memory where the kernel has no MemAvailable, and says it is an estimate', () => {
    const memory = value(parseMemory(fixture('kernel-3.10', 'meminfo')));
    const available = 118204 + 70356 + 512604 + 61480;
    expect(memory).toMatchObject({
      usedBytes: (1018232 - available) * KIB,
      availableBytes: available * KIB,
      estimated: true,
    });
  });

  it('refuses a text without MemTotal, or without anything to count as available', () => {
    expect(parseMemory('Garbage: yes').ok).toBe(false);
    expect(parseMemory('MemTotal: 1000 kB\nBuffers: 1 kB')).toEqual({
      ok: false,
      reason: '/proc/meminfo has neither MemAvailable nor MemFree.',
    });
    expect(parseSwap('MemTotal: 1000 kB').ok).toBe(false);
  });
});

describe('/proc/loadavg and /proc/uptime', () => {
  it('reads the three load averages and the seconds since boot', () => {
    expect(value(parseLoad(fixture('fedora-42-amd64', 'loadavg')))).toEqual({
      one: 3.87,
      five: 2.41,
      fifteen: 1.96,
    });
    expect(value(parseUptime(fixture('alpine-3.22-arm64', 'uptime')))).toBe(17761.09);
  });

  it('refuses what is not numbers', () => {
    expect(parseLoad('0.1 0.2').ok).toBe(false);
    expect(parseLoad('load: high').ok).toBe(false);
    expect(parseUptime('').ok).toBe(false);
    expect(parseUptime('up 3 days')).toEqual({
      ok: false,
      reason: '/proc/uptime is not a number of seconds: “up 3 days”',
    });
  });
});

describe('df -P -k / and /proc/mounts', () => {
  it('reads GNU df’s row in bytes, with the capacity df printed', () => {
    expect(value(parseDf(fixture('fedora-42-amd64', 'df'), fixture('fedora-42-amd64', 'mounts')))).toEqual({
      mount: '/',
      totalBytes: 67108864 * KIB,
      usedBytes: 62119444 * KIB,
      freeBytes: 4989420 * KIB,
      usedPercent: 93,
      readOnly: false,
    });
  });

  it('reads busybox df’s spacing alike', () => {
    const fs = value(parseDf(fixture('alpine-3.22-arm64', 'df'), fixture('alpine-3.22-arm64', 'mounts')));
    expect(fs).toMatchObject({ usedBytes: 181316 * KIB, usedPercent: 0, readOnly: false });
  });

  it('reads a row whose device name stands on a line of its own, and 512-byte blocks', () => {
    const wrapped =
      'Filesystem         512-blocks      Used Available Capacity Mounted on\n' +
      '/dev/mapper/a-very-long-volume-group-name-root\n' +
      '                    2000     1500       500      75% /\n';
    expect(value(parseDf(wrapped, null))).toMatchObject({
      totalBytes: 2000 * 512,
      usedBytes: 1500 * 512,
      usedPercent: 75,
      readOnly: null,
    });
  });

  it('says a root mounted read-only, from the last line for / in /proc/mounts', () => {
    const mounts = fixture('ubuntu-noble-arm64', 'mounts');
    expect(readOnlyRoot(mounts)).toBe(false);
    expect(readOnlyRoot(`${mounts}/dev/vdb1 / btrfs ro,noatime 0 0\n`)).toBe(true);
    expect(readOnlyRoot('proc /proc proc rw 0 0')).toBeNull();
  });

  it('refuses a df that printed no table or no numbers', () => {
    expect(parseDf('df: /: Permission denied', null).ok).toBe(false);
    expect(parseDf('Filesystem 1024-blocks Used Available Capacity Mounted on\n', null).ok).toBe(false);
    expect(
      parseDf('Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/x a b c 1% /', null).ok,
    ).toBe(false);
  });
});

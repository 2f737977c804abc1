import { describe, expect, it } from 'vitest';
import { fixture, sampleOutput } from '../../../test/helpers/machine-texts';
import { parseFolderSizes } from './folder-sizes';
import { readSample } from './sample-reading';

const MACHINES = ['ubuntu-noble-arm64', 'alpine-3.22-arm64', 'fedora-42-amd64'];

describe('a whole sample', () => {
  it.each(MACHINES)('has every figure on %s', (machine) => {
    const { sample, cpuTimes } = readSample(sampleOutput(machine), null, 1000);
    for (const [name, figure] of Object.entries(sample))
      if (name !== 'at') expect(figure, name).toMatchObject({ ok: true });
    expect(cpuTimes?.cores).toBeGreaterThan(0);
    // A first sample has nothing to compare its CPU counters with.
    expect(sample.cpu).toEqual({ ok: true, value: { percent: null, cores: cpuTimes!.cores } });
  });

  it('counts the CPU share from the previous sample', () => {
    const first = readSample(sampleOutput('ubuntu-noble-arm64'), null, 1000);
    const busier = sampleOutput('ubuntu-noble-arm64');
    // 800 jiffies later, 600 of them idle: 25 % busy.
    busier.stdout = busier.stdout.replace(
      /^cpu {2}1528374 2310 640225 95114233 /m,
      `cpu  ${1528374 + 200} 2310 640225 ${95114233 + 600} `,
    );
    expect(readSample(busier, first.cpuTimes, 3000).sample.cpu).toEqual({
      ok: true,
      value: { percent: 25, cores: 8 },
    });
  });

  it('still reads IPv4 ports on a machine without /proc/net/tcp6', () => {
    const output = sampleOutput('alpine-3.22-arm64');
    const withoutV6 = {
      ...output,
      stdout: output.stdout.replace(/^\/proc\/net\/tcp6:.*\n/m, ''),
      stderr: 'grep: /proc/net/tcp6: No such file or directory\n',
    };
    expect(readSample(withoutV6, null, 1).sample.ports).toEqual({
      ok: true,
      value: [{ port: 80, protocol: 'tcp', address: '0.0.0.0', scope: 'all' }],
    });
  });

  it('says why each part is missing when the line was cut short, and keeps the parts it got', () => {
    const output = sampleOutput('ubuntu-noble-arm64');
    const cut = { ...output, stdout: output.stdout.slice(0, output.stdout.indexOf('@@df')), exitCode: null };
    const { sample } = readSample(cut, null, 1);
    expect(sample.memory.ok).toBe(true);
    expect(sample.filesystem).toEqual({
      ok: false,
      reason: 'The reading stopped before The root filesystem (df).',
    });
  });

  it('turns output that is not what the line prints into reasons, never numbers', () => {
    const garbage = {
      stdout: 'Welcome to Ubuntu!\n*** System restart required ***\n',
      stderr: '',
      exitCode: 0,
    };
    const { sample, cpuTimes } = readSample(garbage, null, 1);
    expect(cpuTimes).toBeNull();
    expect(sample.cpu).toEqual({ ok: false, reason: 'The machine printed nothing OrbDeck can read.' });
    expect(sample.memory.ok || sample.load.ok || sample.filesystem.ok || sample.ports.ok).toBe(false);

    const wrong = {
      stdout: '@@stat\nsh: grep: not found\n@@meminfo\nMemTotal: lots\n@@loadavg\n\n@@end\n',
      stderr: 'cat: /proc/loadavg: Permission denied\n',
      exitCode: 0,
    };
    const read = readSample(wrong, null, 1).sample;
    expect(read.cpu).toEqual({ ok: false, reason: '/proc/stat has no “cpu” line: “sh: grep: not found”' });
    expect(read.memory.ok).toBe(false);
    expect(read.load).toEqual({
      ok: false,
      reason: '/proc/loadavg could not be read: cat: /proc/loadavg: Permission denied',
    });
  });

  it('says when the machine printed nothing at all', () => {
    const { sample } = readSample({ stdout: '', stderr: 'sh: 1: cannot fork\n', exitCode: 2 }, null, 1);
    expect(sample.uptimeSeconds).toEqual({
      ok: false,
      reason: 'The machine printed nothing OrbDeck can read: sh: 1: cannot fork',
    });
  });
});

describe('du -x -k -d 1', () => {
  it('lists the largest subfolders first, with the folder’s own total (GNU du)', () => {
    const sizes = parseFolderSizes('/', fixture('ubuntu-noble-arm64', 'du'), '', 7);
    expect(sizes.totalBytes).toBe(2558212 * 1024);
    expect(sizes.folders.slice(0, 3)).toEqual([
      { path: '/usr', bytes: 1843276 * 1024 },
      { path: '/var', bytes: 712988 * 1024 },
      { path: '/etc', bytes: 1212 * 1024 },
    ]);
    expect(sizes.folders).toHaveLength(11);
    expect(sizes.more).toBe(0);
    expect(sizes.partial).toBe(false);
  });

  it('reads busybox du alike, and says when something could not be read', () => {
    const sizes = parseFolderSizes(
      '/',
      fixture('alpine-3.22-arm64', 'du'),
      'du: /run/x: Permission denied\n',
      7,
    );
    expect(sizes.folders[0]).toEqual({ path: '/usr', bytes: 94880 * 1024 });
    expect(sizes.more).toBe(2);
    expect(sizes.partial).toBe(true);
  });

  it('refuses an answer without the folder’s own line', () => {
    expect(() =>
      parseFolderSizes('/srv/data', '', "du: cannot access '/srv/data': No such file\n", 1),
    ).toThrow("du could not measure /srv/data: du: cannot access '/srv/data': No such file");
    expect(() => parseFolderSizes('/', 'Welcome!', '', 1)).toThrow('du could not measure /: Welcome!');
  });
});

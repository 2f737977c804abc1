// The usage feature through the whole core, with the simulator's machines as the insides it reads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../shared/errors';
import type { FolderSizes, MachineUsage, UsageChange } from '../../../shared/usage';
import { disposeCoresAfterEach, sim, startCore, until } from '../../../test/helpers/core';

disposeCoresAfterEach();

function watchChanges(core: ReturnType<typeof startCore>['core']) {
  const changes: UsageChange[] = [];
  core.events.on('usage:changed', (change) => changes.push(change));
  return changes;
}

const runsOf = (timings: ReturnType<typeof startCore>['timings'], name: string) =>
  timings.filter((t) => t.op === `orbctl run ${name}`).length;

async function refused(promise: Promise<unknown>): Promise<AppErrorData> {
  try {
    await promise;
  } catch (error) {
    return error as AppErrorData;
  }
  throw new Error('expected a refusal');
}

describe('a machine’s usage, read from inside it', () => {
  it('arrives while the inspector shows it, and changes as it is read again', async () => {
    const { core, invoke } = startCore();
    const changes = watchChanges(core);
    await invoke('usage:watch', { machine: 'ubuntu', view: 'usage', rows: [] });
    const cpu = () =>
      changes.filter((c) => c.name === 'ubuntu' && c.latest?.cpu.ok && c.latest.cpu.value.percent !== null);
    // The simulated load drifts slowly: two readings close together can round to the same figure, so the test
    // waits for a reading that differs from the first (each one later than the one before).
    const differs = () =>
      cpu().some((c) => JSON.stringify(c.latest!.cpu) !== JSON.stringify(cpu()[0]!.latest!.cpu));
    await until(() => cpu().length >= 2 && differs(), 20_000);
    const readings = cpu().map((c) => c.latest!);
    for (const [i, reading] of readings.entries())
      if (i > 0) expect(readings[i - 1]!.at).toBeLessThan(reading.at);
    const usage = await invoke<MachineUsage>('machine:usage', { name: 'ubuntu' });
    expect(usage.unavailable).toBeNull();
    expect(usage.history.length).toBeGreaterThanOrEqual(3);
    const memory = usage.latest!.memory;
    expect(memory.ok && memory.value.usedBytes).toBeLessThan(
      memory.ok ? memory.value.totalBytes - memory.value.cacheBytes : 0,
    );
    expect(usage.latest!.filesystem).toMatchObject({ ok: true, value: { mount: '/', readOnly: false } });
    expect(usage.latest!.ports.ok && usage.latest!.ports.value.map((p) => p.port)).toEqual([53, 3000, 3000]);
    expect(usage.filesPath).toMatch(/\/OrbStack\/ubuntu$/);
  });

  it('reads only what a visible window shows: a hidden window’s machine is never read', async () => {
    const { core, timings } = startCore();
    const invokeAs = (client: string, channel: string, request: unknown) =>
      core.router.invoke(channel, request, { transport: 'headless', client });
    await invokeAs('hidden-tab', 'app:visibility', { visible: false });
    await invokeAs('shown-tab', 'app:visibility', { visible: true });
    await invokeAs('hidden-tab', 'usage:watch', { machine: 'ubuntu', view: 'usage', rows: ['web-server'] });
    await invokeAs('shown-tab', 'usage:watch', { machine: 'fedora', view: 'usage', rows: [] });
    // Three readings of fedora take at least 4 s: time enough for ubuntu's every 2 s, had it been read.
    await until(() => runsOf(timings, 'fedora') >= 3, 20_000);
    expect(runsOf(timings, 'ubuntu')).toBe(0);
    expect(runsOf(timings, 'web-server')).toBe(0);
    // The tab comes back: its machine is read.
    await invokeAs('hidden-tab', 'app:visibility', { visible: true });
    await until(() => runsOf(timings, 'ubuntu') >= 1, 10_000);
  });

  it('never reads (so never starts) a stopped machine, and says why', async () => {
    const { core, invoke, timings, simHome } = startCore();
    const changes = watchChanges(core);
    await invoke('usage:watch', { machine: 'debian', view: 'usage', rows: ['alpine', 'fedora'] });
    await until(() => runsOf(timings, 'fedora') >= 1 && changes.some((c) => c.name === 'alpine'), 20_000);
    expect(changes.find((c) => c.name === 'debian')?.unavailable).toBe('debian is stopped.');
    expect((await invoke<MachineUsage>('machine:usage', { name: 'alpine' })).unavailable).toBe(
      'alpine is stopped.',
    );
    expect(runsOf(timings, 'debian') + runsOf(timings, 'alpine')).toBe(0);
    const listed = JSON.parse((await sim(simHome, 'list', '-f', 'json')).stdout) as Array<{
      name: string;
      state: string;
    }>;
    expect(listed.find((m) => m.name === 'debian')?.state).toBe('stopped');
  });

  it('lists what listens with its program, and the port another machine also serves on every address', async () => {
    const { core, invoke } = startCore();
    const changes = watchChanges(core);
    await invoke('usage:watch', { machine: 'web-server', view: 'ports', rows: [] });
    // fedora's ports are read by the sweep that compares machines.
    await until(() => changes.some((c) => c.name === 'web-server' && c.conflicts.length > 0), 30_000);
    const usage = await invoke<MachineUsage>('machine:usage', { name: 'web-server' });
    const ports = usage.portsReading!.ports;
    expect(ports.ok && ports.value.map((p) => `${p.address}:${p.port} ${p.process?.name}`)).toEqual([
      '0.0.0.0:80 nginx',
      ':::80 nginx',
      '0.0.0.0:443 nginx',
      ':::443 nginx',
      '0.0.0.0:8080 node',
      ':::8080 node',
    ]);
    expect(usage.conflicts).toEqual([{ port: 8080, machines: ['fedora'] }]);
  });

  it('says plainly what a machine without IPv6, with a garbled /proc or a full filesystem gives', async () => {
    const { core, invoke, simHome } = startCore();
    // The demo machines are made by the first call.
    await invoke('machines:snapshot', {});
    const set = async (...args: string[]) =>
      expect((await sim(simHome, '__sim', 'set', ...args)).status).toBe(0);
    await set('ubuntu', 'ipv6=off');
    await set('fedora', 'proc=garbled');
    await set('web-server', 'fs_total=2000000000', 'disk_size=1900000000', 'root=ro');
    const notices: string[] = [];
    core.events.on('notices:added', (n) => notices.push(n.text));
    const changes = watchChanges(core);
    await invoke('usage:watch', { machine: 'ubuntu', view: 'ports', rows: ['fedora', 'web-server'] });
    await until(
      () =>
        ['ubuntu', 'fedora'].every((n) =>
          changes.some((c) => c.name === n && (c.latest || c.portsReading)),
        ) && changes.filter((c) => c.name === 'web-server' && c.latest).length >= 2,
      30_000,
    );
    const ubuntu = await invoke<MachineUsage>('machine:usage', { name: 'ubuntu' });
    expect(ubuntu.portsReading!.notes).toContain(
      'IPv6 ports not available: the machine has no /proc/net/tcp6 (IPv6 is off in it).',
    );
    const fedora = (await invoke<MachineUsage>('machine:usage', { name: 'fedora' })).latest!;
    expect(fedora.memory).toEqual({ ok: false, reason: '/proc/meminfo has no MemTotal: “MemTotal: plenty”' });
    expect(fedora.load.ok).toBe(false);
    expect(fedora.filesystem.ok).toBe(true);
    const web = (await invoke<MachineUsage>('machine:usage', { name: 'web-server' })).latest!;
    expect(web.filesystem).toMatchObject({ ok: true, value: { usedPercent: 95, readOnly: true } });
    // Told once, not at every sample.
    expect(notices).toEqual(['web-server’s filesystem is 95 % full (100.0 MB free).']);
  });

  it('measures the largest folders on request, and refuses a stopped machine or a missing folder', async () => {
    const { invoke } = startCore();
    const sizes = await invoke<FolderSizes>('machine:largest-folders', { name: 'ubuntu', path: '/' });
    expect(sizes.folders[0]?.path).toBe('/usr');
    expect(sizes.totalBytes).toBeGreaterThan(sizes.folders[0]!.bytes);
    expect(await refused(invoke('machine:largest-folders', { name: 'ubuntu', path: '/nope' }))).toMatchObject(
      {
        code: 'BAD_OUTPUT',
        message: "du could not measure /nope: du: cannot access '/nope': No such file or directory",
      },
    );
    expect(await refused(invoke('machine:largest-folders', { name: 'debian', path: '/' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'debian is stopped: start it to measure its folders.',
    });
    expect((await refused(invoke('machine:largest-folders', { name: 'ubuntu', path: 'var' }))).message).toBe(
      'Invalid path: Give an absolute path in the machine..',
    );
  });

  it('records the disk sizes the list learns, in the data folder, and gives the path to the files', async () => {
    const { invoke, dataDir } = startCore();
    await invoke('machines:visible', { names: ['ubuntu', 'fedora'] });
    const file = join(dataDir, 'disk-history.jsonl');
    await until(() => existsSync(file) && readFileSync(file, 'utf8').trim().split('\n').length >= 2, 20_000);
    const usage = await invoke<MachineUsage>('machine:usage', { name: 'ubuntu' });
    expect(usage.disk.records).toHaveLength(1);
    expect(usage.disk.change).toBeNull();
    expect(await invoke('machine:show-files', { name: 'ubuntu' })).toEqual({
      opened: false,
      path: usage.filesPath,
    });
  });
});

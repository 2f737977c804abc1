import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, eventually, simulator, spawnSim, PROCESS_TESTS } from '../../../test/helpers/sim';

type Sim = ReturnType<typeof simulator>;
const states = (s: Sim): Promise<Record<string, string>> => s.states();

describe.concurrent('start/stop/restart (docs/orbctl.md#commands-and-argument-order)', PROCESS_TESTS, () => {
  it('start and stop change state silently and are idempotent (docs/orbctl.md#resulting-states)', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    expect(await s.run(['start', 'vm1'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await states(s)).toEqual({ vm1: 'running' });
    expect(await s.run(['start', 'vm1'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    await s.ok(['stop', 'vm1']);
    expect(await states(s)).toEqual({ vm1: 'stopped' });
    expect(await s.run(['shutdown', 'vm1'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('shows starting/stopping while the transition runs', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    const child = spawnSim(s.home, ['start', 'vm1'], { env: { ORBCTL_SIM_SPEED: '2' } });
    // The first state other than stopped that a reader sees is starting.
    const seen = await eventually(async () => {
      const state = (await states(s)).vm1;
      return state === 'stopped' ? undefined : state;
    });
    expect(seen).toBe('starting');
    expect((await collect(child)).code).toBe(0);
    expect(await states(s)).toEqual({ vm1: 'running' });
  });

  it('handles several names and -a/--all; restart keeps a machine running', async () => {
    const s = simulator();
    await s.setup('add', 'a1', 'ubuntu', 'state=stopped');
    await s.setup('add', 'b1', 'debian', 'state=stopped');
    await s.setup('add', 'c1', 'alpine', 'state=stopped');
    await s.ok(['start', 'a1', 'b1']);
    expect(await states(s)).toEqual({ a1: 'running', b1: 'running', c1: 'stopped' });
    await s.ok(['stop', '--all']);
    expect(await states(s)).toEqual({ a1: 'stopped', b1: 'stopped', c1: 'stopped' });
    await s.ok(['start', '-a']);
    await s.ok(['restart', 'a1', 'c1']);
    expect(await states(s)).toEqual({ a1: 'running', b1: 'running', c1: 'running' });
  });

  it('stops at the first missing machine, having done the earlier ones', async () => {
    const s = simulator();
    await s.setup('add', 'a1', 'ubuntu', 'state=stopped');
    const r = await s.run(['start', 'a1', 'ghost', 'a1']);
    expect(r).toMatchObject({ code: 1, stderr: "[-32098] machine not found: 'ghost'\n" });
    expect(await states(s)).toEqual({ a1: 'running' });
  });

  it('restart and delete need names: no machines specified', async () => {
    const s = simulator();
    for (const cmd of ['restart', 'delete']) {
      const r = await s.run([cmd]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^Error: no machines specified\\nUsage:\\n  orbctl ${cmd}`));
    }
  });

  it('refuses a change from a stuck state: cannot transition from X to Y', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=provisioning');
    expect((await s.run(['stop', 'vm1'])).stderr).toBe(
      '[-32098] cannot transition from provisioning to stopping\n',
    );
    expect((await s.run(['start', 'vm1'])).stderr).toBe(
      '[-32098] cannot transition from provisioning to starting\n',
    );
  });

  it('fail faults give the documented texts and leave the state as it was', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    const start = await s.run(['start', 'vm1'], { env: { ORBCTL_SIM_FAULT: 'fail:start' } });
    expect(start).toMatchObject({ code: 1, stderr: '[-32098] machine did not start: vm1 - STOPPED\n' });
    expect(await states(s)).toEqual({ vm1: 'stopped' });
    await s.ok(['start', 'vm1']);
    const stop = await s.run(['stop', 'vm1'], {
      env: { ORBCTL_SIM_FAULT: 'fail:stop@vm1:7:[-32098] manager is stopping' },
    });
    expect(stop).toMatchObject({ code: 7, stderr: '[-32098] manager is stopping\n' });
    expect(await states(s)).toEqual({ vm1: 'running' });
    // A rule for another machine does not apply.
    await s.ok(['stop', 'vm1'], { env: { ORBCTL_SIM_FAULT: 'fail:stop@other' } });
  });
});

describe.concurrent('delete (docs/orbctl.md#commands-and-argument-order)', PROCESS_TESTS, () => {
  it('stops a running machine first, removes it and its files, and clears it as default', async () => {
    const s = simulator();
    await s.setup('add', 'b-vm', 'ubuntu');
    await s.setup('add', 'a-vm', 'debian', 'state=stopped');
    await s.ok(['push', '-m', 'b-vm', join(s.home, 'state.json'), 'copy.json']);
    const [b] = (await s.records()).filter((m) => m.name === 'b-vm');
    // Half speed: 2 s of stopping, then 2 s of deleting, so that a loaded machine's poll sees both.
    const child = spawnSim(s.home, ['delete', '-f', 'b-vm'], { env: { ORBCTL_SIM_SPEED: '0.5' } });
    // Waited for as long as a loaded machine may take to start the process.
    const seen = await eventually(async () => {
      const state = (await states(s))['b-vm'];
      return state === 'running' ? undefined : state;
    }, 20_000);
    expect(seen).toBe('stopping');
    expect(
      await eventually(async () => ((await states(s))['b-vm'] === 'deleting' ? true : undefined), 20_000),
    ).toBe(true);
    expect((await collect(child)).code).toBe(0);
    expect(await states(s)).toEqual({ 'a-vm': 'stopped' });
    expect(existsSync(join(s.home, 'machines', b!.id))).toBe(false);
    // b-vm was the default (first machine); now the first by name is picked.
    expect(await s.ok(['default'])).toBe('a-vm\n');
  });

  it('deletes several names and --all; says so for the built-in machine', async () => {
    const s = simulator();
    for (const n of ['a1', 'b1', 'c1']) await s.setup('add', n, 'alpine');
    await s.ok(['delete', 'a1', 'b1', '--force']);
    expect(await states(s)).toEqual({ c1: 'running' });
    await s.ok(['delete', '-a', '-f']);
    expect(await states(s)).toEqual({});
    expect((await s.run(['delete', 'docker'])).stderr).toBe('[-32098] cannot delete builtin machine\n');
  });
});

describe.concurrent('auto-start and OrbStack not running (docs/orbctl.md#invocation)', PROCESS_TESTS, () => {
  it('stop with no names stops OrbStack; status says Stopped (1); list starts it again', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu');
    expect(await s.run(['status'])).toMatchObject({ code: 0, stdout: 'Running\n' });
    await s.ok(['stop']);
    expect(await s.run(['status'])).toMatchObject({ code: 1, stdout: 'Stopped\n' });
    expect(await s.run(['stop', 'vm1'])).toMatchObject({ code: 0, stderr: 'OrbStack is not running\n' });
    // list starts OrbStack again; machines that were running come back with it.
    expect(await s.ok(['list', '-q'])).toBe('vm1\n');
    expect(await states(s)).toEqual({ vm1: 'running' });
    expect(await s.run(['status'])).toMatchObject({ code: 0, stdout: 'Running\n' });
  });

  it('status says Starting (2) while OrbStack starts', async () => {
    const s = simulator();
    await s.setup('vm', 'starting:60000');
    expect(await s.run(['status'])).toMatchObject({ code: 2, stdout: 'Starting\n' });
  });

  it('with the not-running fault: auto-start times out; stop/restart exit 0; status Stopped', async () => {
    const s = simulator({ ORBCTL_SIM_FAULT: 'not-running' });
    await s.setup('add', 'vm1', 'ubuntu');
    for (const args of [['list'], ['info', 'vm1'], ['create', 'ubuntu', 'x1'], ['start', 'vm1'], ['start']]) {
      expect(await s.run(args)).toMatchObject({
        code: 1,
        stdout: '',
        stderr: 'start VM: timed out waiting for VM to start\n',
      });
    }
    for (const args of [['stop', 'vm1'], ['restart', 'vm1'], ['stop']]) {
      expect(await s.run(args)).toMatchObject({ code: 0, stdout: '', stderr: 'OrbStack is not running\n' });
    }
    expect(await s.run(['status'])).toMatchObject({ code: 1, stdout: 'Stopped\n' });
    const services = await s.run(['list'], { env: { ORBCTL_SIM_FAULT: 'not-running:services' } });
    expect(services.stderr).toBe('timed out waiting for services to start\n');
  });
});

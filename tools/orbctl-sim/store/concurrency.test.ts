import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PROCESS_TESTS,
  collect,
  eventually,
  simulator,
  spawnSim,
  type ListedMachine,
} from '../../../test/helpers/sim';

// Real processes: calls in one process never meet inside the lock (its critical sections are synchronous).
const asProcess = { launch: 'process' } as const;

describe.concurrent('state shared by several orbctl processes', PROCESS_TESTS, () => {
  it('loses no update when processes race (lock around every read-modify-write)', async () => {
    const s = simulator();
    const names = Array.from({ length: 6 }, (_, i) => `vm${i}`);
    const results = await Promise.all(names.map((n) => s.run(['create', 'alpine', n], asProcess)));
    expect(results.map((r) => r.code)).toEqual(names.map(() => 0));
    expect(await s.names()).toEqual(names);
    // And a second wave of changes to different machines at once.
    await Promise.all(
      names.map((n) => s.ok(['config', 'set', `machine.${n}.username`, `u-${n}`], asProcess)),
    );
    const list = await s.records();
    expect(list.map((m) => m.config.default_username)).toEqual(names.map((n) => `u-${n}`));
  });

  it('lets exactly one of several creates of the same name win', async () => {
    const s = simulator();
    const results = await Promise.all([1, 2, 3, 4].map(() => s.run(['create', 'alpine', 'same'], asProcess)));
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of results.filter((x) => x.code !== 0)) {
      expect(r.stderr).toBe("[-32098] create 'same': machine already exists: 'same'\n");
    }
  });

  it('recovers a lock left behind by a killed process', async () => {
    const s = simulator();
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    mkdirSync(join(s.home, 'state.lock'));
    writeFileSync(join(s.home, 'state.lock', 'owner'), `${dead} x\n`);
    await s.ok(['create', 'alpine', 'after'], asProcess);
    expect(await s.names()).toEqual(['after']);
  });
});

describe.concurrent('Ctrl-C and SIGTERM (docs/orbctl.md#interrupting-orbctl)', PROCESS_TESTS, () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s ends a hung call promptly with %i and leaves no lock', async (signal, code) => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    const child = spawnSim(s.home, ['start', 'vm1'], { env: { ORBCTL_SIM_FAULT: 'hang-after:start' } });
    const done = collect(child);
    // Once the machine runs, the client is surely up (handlers installed) and hanging.
    await eventually(async () => ((await s.states()).vm1 === 'running' ? true : undefined));
    const sent = Date.now();
    child.kill(signal);
    const r = await done;
    expect(r.code).toBe(code);
    expect(Date.now() - sent).toBeLessThan(1500);
    expect(existsSync(join(s.home, 'state.lock'))).toBe(false);
  });
});

describe.concurrent('simulator knobs', PROCESS_TESTS, () => {
  it('makes N machines in all from one knob (demo:N), and tops a demo state up to N once', async () => {
    const s = simulator({ ORBCTL_SIM_SEED: 'demo:40' });
    const list = await s.json<ListedMachine[]>(['list', '-f', 'json']);
    expect(list).toHaveLength(40);
    expect(new Set(list.map((m) => m.name)).size).toBe(40);
    expect(list.map((m) => m.name)).toEqual(expect.arrayContaining(['ubuntu', 'web-server', 'worker-033']));
    expect(new Set(list.map((m) => m.state))).toEqual(new Set(['running', 'stopped']));
    expect(await s.ok(['default'])).toBe('ubuntu\n');
    // A machine deleted afterwards stays deleted: the seed is applied once.
    await s.ok(['delete', '-f', 'worker-001']);
    expect(await s.names()).toHaveLength(39);
    expect((await s.run(['list', '-q'])).stdout.split('\n').filter(Boolean)).toHaveLength(39);
    // A state seeded with the plain demo set grows to the number asked for.
    const grown = simulator({ ORBCTL_SIM_SEED: 'demo' });
    expect((await grown.run(['list', '-q'])).stdout.split('\n').filter(Boolean)).toHaveLength(7);
    const more = await grown.run(['list', '-q'], { env: { ORBCTL_SIM_SEED: 'demo:12' } });
    expect(more.stdout.split('\n').filter(Boolean)).toHaveLength(12);
    const wrong = await s.run(['list'], { env: { ORBCTL_SIM_SEED: 'many' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('ORBCTL_SIM_SEED must be "demo", "demo:N"');
  });

  it('seeds the demo set into an empty state, once', async () => {
    const s = simulator({ ORBCTL_SIM_SEED: 'demo' });
    const list = await s.json<ListedMachine[]>(['list', '-f', 'json']);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(new Set(list.map((m) => m.image.distro)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(list.map((m) => m.state))).toEqual(new Set(['running', 'stopped']));
    expect(new Set(list.map((m) => m.image.arch))).toEqual(new Set(['arm64', 'amd64']));
    expect(await s.ok(['default'])).toBe('ubuntu\n');
    expect((await s.records()).length).toBe(list.length);
  });

  it('takes fault rules stored with __sim fault, and clears them', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    await s.ok(['__sim', 'fault', 'fail:start:2:boom']);
    expect(await s.run(['start', 'vm1'])).toMatchObject({ code: 2, stderr: 'boom\n' });
    await s.ok(['__sim', 'fault']);
    await s.ok(['start', 'vm1']);
  });

  it('slow adds real milliseconds to a call', async () => {
    const s = simulator();
    const started = Date.now();
    await s.ok(['list'], { env: { ORBCTL_SIM_FAULT: 'slow:list:600' } });
    // At least the 600 ms asked for, however busy the machine (a call without the fault is not compared: on a
    // loaded machine it alone can take longer than 600 ms).
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it('refuses bad knobs and a corrupt state file with a clear orbctl-sim message', async () => {
    const s = simulator();
    const [speed, fault, version] = await Promise.all([
      s.run(['list'], { env: { ORBCTL_SIM_SPEED: '0' } }),
      s.run(['list'], { env: { ORBCTL_SIM_FAULT: 'explode:list' } }),
      s.run(['list'], { env: { ORBCTL_SIM_VERSION: 'latest' } }),
    ]);
    expect(speed).toMatchObject({
      code: 1,
      stderr: 'orbctl-sim: ORBCTL_SIM_SPEED must be a positive number, got "0"\n',
    });
    expect(fault.stderr).toMatch(/^orbctl-sim: bad fault rule "explode:list": unknown fault "explode"/);
    expect(version.stderr).toMatch(/^orbctl-sim: ORBCTL_SIM_VERSION must look like 2\.2\.0/);
    writeFileSync(join(s.home, 'state.json'), '{"format":1,');
    expect((await s.run(['list'])).stderr).toMatch(/^orbctl-sim: state file .* is corrupt/);
  });
});

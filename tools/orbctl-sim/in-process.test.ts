/**
 * A call in this process ends as the executable does (signals, crashes), and many run at once without seeing
 * each other's environment, folder or end. The executable's own side is in executable.test.ts and in the
 * signal tests of store/concurrency.test.ts and commands/export.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually, freshHome, simEnv, simulator, wait } from '../../test/helpers/sim';
import { runInProcess } from './in-process';

const start = (home: string, args: string[], env: Record<string, string> = {}, cwd = home) =>
  runInProcess(args, { env: simEnv(home, env), cwd });

describe.concurrent('a call in this process', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('ends a hung call at %s with %i, as the executable does', async (signal, code) => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu', 'state=stopped');
    const call = start(s.home, ['start', 'vm1'], { ORBCTL_SIM_FAULT: 'hang-after:start' });
    await eventually(async () => ((await s.states()).vm1 === 'running' ? true : undefined));
    call.kill(signal);
    expect(await call.done).toEqual({ exitCode: code, signal: null, stdout: '', stderr: '' });
    expect(existsSync(join(s.home, 'state.lock'))).toBe(false);
  });

  it('removes the partial file of an interrupted export, and keeps it after a kill', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'debian', 'disk_size=1000000000');
    const partial = async (signal: 'SIGINT' | 'SIGKILL') => {
      const file = join(s.home, `${signal}.tar.zst`);
      const call = start(s.home, ['export', 'vm1', file], { ORBCTL_SIM_SPEED: '2' });
      await eventually(async () => (existsSync(file) && statSync(file).size > 0 ? true : undefined));
      call.kill(signal);
      return { outcome: await call.done, left: existsSync(file) };
    };
    expect(await partial('SIGINT')).toMatchObject({ outcome: { exitCode: 130, signal: null }, left: false });
    expect(await partial('SIGKILL')).toMatchObject({
      outcome: { exitCode: null, signal: 'SIGKILL' },
      left: true,
    });
  });

  it('dies at a crash fault without cleaning up: the import leaves its staging folder', async () => {
    // A file of several read chunks, so the import dies part-way.
    const s = simulator({ ORBCTL_SIM_EXPORT_SCALE: '0.01' });
    await s.setup('add', 'vm1', 'debian', 'disk_size=1000000000');
    await s.ok(['export', 'vm1', 'vm1.tar.zst']);
    const call = start(s.home, ['import', '-n', 'copy', 'vm1.tar.zst'], {
      ORBCTL_SIM_FAULT: 'crash:import:0.5',
    });
    expect(await call.done).toMatchObject({ exitCode: null, signal: 'SIGKILL' });
    expect(readdirSync(join(s.home, 'staging'))).toHaveLength(1);
    expect(await s.names()).toEqual(['vm1']);
  });

  it('changes no state once stopped, even when what it waited for comes later', async () => {
    const s = simulator();
    await s.ok(['list']);
    // Another process holds the lock: the create waits for it.
    const lock = join(s.home, 'state.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner'), `${process.pid} held\n`);
    const call = start(s.home, ['create', 'alpine', 'late']);
    await wait(100);
    call.kill('SIGINT');
    expect((await call.done).exitCode).toBe(130);
    rmSync(lock, { recursive: true });
    await wait(200);
    expect(await s.names()).toEqual([]);
  });

  it('keeps the environment and folder of each call its own while many run at once', async () => {
    const homes = [freshHome(), freshHome(), freshHome()];
    const versions = ['1.10.2', '2.1.0', '2.2.0'];
    const calls = homes.map((home, i) =>
      start(home, ['version'], { ORBCTL_SIM_VERSION: versions[i]! }, join(home)),
    );
    const outcomes = await Promise.all(calls.map((c) => c.done));
    expect(outcomes.map((o) => /^Version: (\S+)/.exec(o.stdout)?.[1])).toEqual(versions);
    // A relative path lands in the call's own folder.
    await Promise.all(homes.map((home) => start(home, ['create', 'alpine', 'a1']).done));
    await Promise.all(homes.map((home) => start(home, ['export', 'a1', 'here.tar.zst']).done));
    for (const home of homes) expect(existsSync(join(home, 'here.tar.zst'))).toBe(true);
  });

  it('tells of output as it is written, and nothing after its end', async () => {
    const s = simulator();
    await s.setup('add', 'vm1', 'ubuntu');
    const told: string[] = [];
    const call = runInProcess(['run', '-m', 'vm1', 'sh', '-c', 'echo one; sleep 60; echo two'], {
      env: simEnv(s.home),
      cwd: s.home,
      onOutput: (stream, text) => told.push(`${stream}:${text}`),
    });
    await eventually(async () => (told.length > 0 ? true : undefined));
    call.kill('SIGKILL');
    expect(await call.done).toMatchObject({ stdout: 'one\n', signal: 'SIGKILL' });
    await wait(50);
    expect(told).toEqual(['stdout:one\n']);
  });
});

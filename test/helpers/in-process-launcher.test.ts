import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { runProcess, type RunRequest } from '../../electron/core/orbctl/run';
import { inProcessLauncher } from './in-process-launcher';
import { tempDir, writeFake } from './processes';
import { freshHome, simEnv } from './sim';
import { SIM_PATH } from './sim-path';

const dir = tempDir();
afterAll(() => dir.remove());

const simRequest = (args: string[], extra: Partial<RunRequest> = {}): RunRequest => {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(simEnv(freshHome()))) if (value !== undefined) env[key] = value;
  return {
    file: SIM_PATH,
    args,
    env,
    timeoutMs: 10_000,
    killGraceMs: 300,
    launcher: inProcessLauncher(),
    ...extra,
  };
};

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe.concurrent('the tests’ launcher', () => {
  it('runs the simulator in this process, under a pid no system gives out, and other programs as processes', async () => {
    const pids: number[] = [];
    const sim = await runProcess(simRequest(['version'], { onSpawn: (pid) => pids.push(pid) }));
    expect(sim).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^Version: 2\.2\.0/) });
    const fake = writeFake(dir.path, 'other', { stdout: 'from a process\n' });
    const other = await runProcess({ ...simRequest([]), file: fake, onSpawn: (pid) => pids.push(pid) });
    expect(other.stdout).toBe('from a process\n');
    expect(pids[0]).toBeGreaterThan(2 ** 22);
    expect(pids[1]).toBeLessThan(2 ** 22);
  });

  it('stops a call that prints more than allowed, as a process past its buffer is', async () => {
    const launch = inProcessLauncher();
    const request = simRequest(['run', '-m', 'ubuntu', 'seq', '1', '100000']);
    await runProcess({ ...request, args: ['__sim', 'add', 'ubuntu', 'ubuntu'] });
    const call = launch({ ...request, maxOutputBytes: 1000 });
    expect(await call.done).toMatchObject({ tooMuchOutput: true, signal: 'SIGKILL', exitCode: null });
  });

  it('times out and cancels a hanging call with the adapter’s own errors', async () => {
    const hang = { ORBCTL_SIM_FAULT: 'hang:list' };
    const timedOut = simRequest(['list'], { timeoutMs: 200 });
    const e = await rejection(runProcess({ ...timedOut, env: { ...timedOut.env, ...hang } }));
    expect(e.code).toBe('TIMEOUT');
    const controller = new AbortController();
    const cancelled = simRequest(['list'], { signal: controller.signal });
    const running = runProcess({ ...cancelled, env: { ...cancelled.env, ...hang } });
    setTimeout(() => controller.abort(), 50);
    const c = await rejection(running);
    expect(c.code).toBe('CANCELLED');
    expect(c.detail?.exitCode).toBe(130);
  });
});

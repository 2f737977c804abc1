import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { jsonBytes, MAX_REPLY_BYTES } from '../../../shared/ipc/limits';
import { runProcess, type RunRequest } from './run';
import {
  eventually,
  isRunning,
  readWhenWritten,
  tempDir,
  writeFake,
  writeScript,
} from '../../../test/helpers/processes';

let dir: { path: string; remove: () => void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const req = (file: string, extra: Partial<RunRequest> = {}): RunRequest => ({
  file,
  args: [],
  env,
  timeoutMs: 10_000,
  killGraceMs: 300,
  ...extra,
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

describe('runProcess', () => {
  it('returns stdout, stderr and the exit code of a finished process, whatever the code', async () => {
    const fake = writeFake(dir.path, 'out', { stdout: '[]\n', stderr: 'warn\n', exitCode: 3 });
    const r = await runProcess(req(fake, { args: ['list', '-f', 'json'] }));
    expect(r).toMatchObject({ stdout: '[]\n', stderr: 'warn\n', exitCode: 3, signal: null });
    expect(r.argv).toEqual([fake, 'list', '-f', 'json']);
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it('passes argv verbatim, with no shell in between', async () => {
    const log = join(dir.path, 'argv.log');
    const fake = writeFake(dir.path, 'rec', { recordTo: log });
    const tricky = ['export', 'vm', '/tmp/a b/"q"; $(rm -rf x) `y`.tar.zst'];
    await runProcess(req(fake, { args: tricky }));
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(log, 'utf8').trim())).toEqual(tricky);
  });

  it('gives the child an ignored stdin and only the env it was handed', async () => {
    const fake = writeScript(
      dir.path,
      'env',
      `import { readFileSync } from 'node:fs';
       const stdin = readFileSync(0, 'utf8');
       process.stdout.write(JSON.stringify({ stdin, x: process.env.ORBDECK_X ?? null, home: process.env.HOME ?? null }));`,
    );
    const r = await runProcess(req(fake, { env: { ...env, ORBDECK_X: 'yes' }, timeoutMs: 3000 }));
    expect(JSON.parse(r.stdout)).toEqual({ stdin: '', x: 'yes', home: null });
  });

  it('calls onSpawn with the pid of the running process', async () => {
    const pidFile = join(dir.path, 'spawn.pid');
    const fake = writeFake(dir.path, 'spawnpid', { pidFile });
    let seen: number | undefined;
    const r = await runProcess(req(fake, { onSpawn: (pid) => (seen = pid) }));
    expect(seen).toBe(r.pid);
    expect(String(seen)).toBe(await readWhenWritten(pidFile));
  });

  it('maps a missing binary (ENOENT) to NOT_INSTALLED naming the path', async () => {
    const missing = join(dir.path, 'no-such-orbctl');
    const e = await rejection(runProcess(req(missing, { args: ['list'] })));
    expect(e.code).toBe('NOT_INSTALLED');
    expect(e.message).toContain(missing);
    expect(e.detail?.argv).toEqual([missing, 'list']);
  });

  it('maps a file that cannot be executed to NOT_INSTALLED', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(dir.path, 'not-exec');
    writeFileSync(path, 'plain text', { mode: 0o644 });
    const e = await rejection(runProcess(req(path)));
    expect(e.code).toBe('NOT_INSTALLED');
  });

  it('stops a hanging process at the timeout with SIGINT and leaves no process behind', async () => {
    const pidFile = join(dir.path, 'hang.pid');
    const fake = writeFake(dir.path, 'hang', { hang: true, pidFile, stdout: 'partial' });
    // Time for the fake to start and print on a loaded machine (Node took more than 400 ms there) before the
    // timeout stops it.
    const e = await rejection(runProcess(req(fake, { args: ['create', 'ubuntu', 'vm'], timeoutMs: 2000 })));
    expect(e.code).toBe('TIMEOUT');
    expect(e.detail).toMatchObject({
      argv: [fake, 'create', 'ubuntu', 'vm'],
      signal: 'SIGINT',
      stdout: 'partial',
    });
    expect(e.detail?.durationMs).toBeGreaterThanOrEqual(2000);
    const pid = Number(await readWhenWritten(pidFile));
    expect(isRunning(pid)).toBe(false);
  });

  it('cancels through an AbortSignal, and kills with SIGKILL what ignores SIGINT, grandchildren included', async () => {
    const pidFile = join(dir.path, 'stubborn.pid');
    const gcFile = join(dir.path, 'stubborn-gc.pid');
    const fake = writeFake(dir.path, 'stubborn', {
      hang: true,
      ignoreSigint: true,
      pidFile,
      grandchildPidFile: gcFile,
    });
    const controller = new AbortController();
    const running = runProcess(req(fake, { args: ['export', 'vm', '/tmp/x'], signal: controller.signal }));
    const pid = Number(await readWhenWritten(pidFile));
    const grandchild = Number(await readWhenWritten(gcFile));
    expect(isRunning(pid) && isRunning(grandchild)).toBe(true);
    controller.abort();
    const e = await rejection(running);
    expect(e.code).toBe('CANCELLED');
    expect(e.detail?.signal).toBe('SIGKILL');
    expect(e.detail?.argv).toEqual([fake, 'export', 'vm', '/tmp/x']);
    expect(typeof e.detail?.durationMs).toBe('number');
    expect(isRunning(pid)).toBe(false);
    expect(await eventually(() => !isRunning(grandchild))).toBe(true);
  });

  it('takes down a grandchild on a plain SIGINT cancel too', async () => {
    const gcFile = join(dir.path, 'gc2.pid');
    const fake = writeFake(dir.path, 'withgc', { hang: true, grandchildPidFile: gcFile });
    const controller = new AbortController();
    const running = runProcess(req(fake, { signal: controller.signal }));
    const grandchild = Number(await readWhenWritten(gcFile));
    controller.abort();
    expect((await rejection(running)).detail?.signal).toBe('SIGINT');
    expect(await eventually(() => !isRunning(grandchild))).toBe(true);
  });

  it('keeps only the start of a flood on stderr, so the error fits in a reply to the window', async () => {
    const flood = writeScript(
      dir.path,
      'flood-stderr',
      `const mb = 'e'.repeat(1 << 20);
let left = 100;
const more = () => { while (left > 0) { left--; if (!process.stderr.write(mb)) return process.stderr.once('drain', more); } process.exitCode = 1; };
more();`,
    );
    const e = await rejection(runProcess(req(flood)));
    expect(e.code).toBe('BAD_OUTPUT');
    expect(e.detail?.stderr?.length).toBeLessThan(70_000);
    expect(e.detail?.stderr).toMatch(/… \(\d+ more characters\)$/);
    expect(jsonBytes(e.toData())).toBeLessThan(MAX_REPLY_BYTES);
  });

  it('does not start anything when the signal is already aborted', async () => {
    const log = join(dir.path, 'pre-abort.log');
    const fake = writeFake(dir.path, 'preabort', { recordTo: log });
    const e = await rejection(runProcess(req(fake, { signal: AbortSignal.abort() })));
    expect(e.code).toBe('CANCELLED');
    const { existsSync } = await import('node:fs');
    expect(existsSync(log)).toBe(false);
  });
});

import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunOutput, RunOutputEvent, RunRecord } from '../../../shared/inside';
import type { Job } from '../../../shared/jobs';
import { disposeCoresAfterEach, startCore, until } from '../../../test/helpers/core';

// Commands in machines through the whole core against the real simulator: run a command, copy files out and in.
disposeCoresAfterEach();

/** Copies Mac files into the machine (the way the tests put files there). */
async function pushInto(
  invoke: ReturnType<typeof startCore>['invoke'],
  finished: ReturnType<typeof startCore>['finished'],
  paths: string[],
  dest: string,
): Promise<void> {
  const push = await invoke<Job>('machine:push', { name: 'ubuntu', paths, dest });
  expect((await finished(push.id)).state).toBe('succeeded');
}

function outputOf(core: ReturnType<typeof startCore>['core']) {
  const events: RunOutputEvent[] = [];
  core.events.on('run:streamed', (e) => events.push(e));
  return events;
}

describe('run', () => {
  it('streams stdout and stderr apart, before the command ends, and keeps the exit code and duration', async () => {
    const { core, invoke, finished, timings } = startCore();
    const events = outputOf(core);
    const job = await invoke<Job>('machine:run', {
      name: 'ubuntu',
      command: 'echo first; echo oops >&2; sleep 1; echo last',
      as: 'default',
    });
    // The first line arrives while the command still sleeps.
    await until(() => events.some((e) => e.chunks.some((c) => c.text.includes('first'))));
    expect(core.jobs.get(job.id).state).toBe('running');
    const done = await finished(job.id);
    expect(done.state).toBe('succeeded');
    const output = await invoke<RunOutput>('run:output', { id: job.id });
    expect(output.chunks).toEqual([
      { stream: 'stdout', text: 'first\n' },
      { stream: 'stderr', text: 'oops\n' },
      { stream: 'stdout', text: 'last\n' },
    ]);
    expect(output.end?.exitCode).toBe(0);
    // The duration is the timing wrapper's record of the orbctl call.
    const timed = timings.find((t) => t.op === 'orbctl run ubuntu')!;
    expect(output.end?.durationMs).toBe(timed.durationMs);
    expect(timed.durationMs).toBeGreaterThan(900);
    expect(events.at(-1)?.end).toEqual(output.end);
  });

  it('fails a command that exits non-zero with its code, and keeps what it printed', async () => {
    const { invoke, finished } = startCore();
    const job = await invoke<Job>('machine:run', {
      name: 'ubuntu',
      command: 'cat nothing-here',
      as: 'default',
    });
    const done = await finished(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ code: 'COMMAND_FAILED', detail: { exitCode: 1 } });
    expect(done.error?.message).toMatch(/^The command exited with 1 in \d+\.\d s\.$/);
    const output = await invoke<RunOutput>('run:output', { id: job.id });
    expect(output.chunks).toEqual([
      { stream: 'stderr', text: 'cat: nothing-here: No such file or directory\n' },
    ]);
  });

  it('stops a cancelled command, and says so in the output and the history', async () => {
    const { core, invoke, finished } = startCore();
    const events = outputOf(core);
    const job = await invoke<Job>('machine:run', {
      name: 'ubuntu',
      command: 'echo go; sleep 60',
      as: 'root',
    });
    await until(() => events.length > 0);
    await invoke('jobs:cancel', { id: job.id });
    const done = await finished(job.id);
    expect(done.state).toBe('cancelled');
    expect(done.durationMs).toBeLessThan(10_000);
    const output = await invoke<RunOutput>('run:output', { id: job.id });
    expect(output.end?.exitCode).toBeNull();
    const history = await invoke<RunRecord[]>('run:history', { name: 'ubuntu' });
    expect(history[0]).toMatchObject({
      command: 'echo go; sleep 60',
      as: 'root',
      exitCode: null,
      jobId: job.id,
    });
  });

  it('runs as root or the default user, in the folder asked, and passes the line as one argv word', async () => {
    const { invoke, finished, timings } = startCore();
    const job = await invoke<Job>('machine:run', {
      name: 'ubuntu',
      command: 'whoami && pwd',
      as: 'root',
      workdir: '/tmp',
    });
    await finished(job.id);
    const output = await invoke<RunOutput>('run:output', { id: job.id });
    expect(output.chunks).toEqual([{ stream: 'stdout', text: 'root\n/tmp\n' }]);
    expect(timings.some((t) => t.op === 'orbctl run ubuntu' && t.outcome === 'ok')).toBe(true);
  });

  it('keeps a short history per machine, newest first, across a restart of the core', async () => {
    const first = startCore();
    for (const command of ['echo one', 'false']) {
      const job = await first.invoke<Job>('machine:run', { name: 'ubuntu', command, as: 'default' });
      await first.finished(job.id);
    }
    const again = startCore({}, first.dataDir);
    const history = await again.invoke<RunRecord[]>('run:history', { name: 'ubuntu' });
    expect(history.map((h) => [h.command, h.exitCode])).toEqual([
      ['false', 1],
      ['echo one', 0],
    ]);
    expect(await again.invoke<RunRecord[]>('run:history', { name: 'debian' })).toEqual([]);
  });

  it('refuses an empty command and a missing machine with a clear error', async () => {
    const { invoke, finished } = startCore();
    await expect(
      invoke('machine:run', { name: 'ubuntu', command: '  ', as: 'default' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Type a command to run.',
    });
    const job = await invoke<Job>('machine:run', { name: 'nope', command: 'true', as: 'default' });
    const done = await finished(job.id);
    expect(done.error).toMatchObject({ code: 'NOT_FOUND', message: "No machine named 'nope'." });
  });
});

describe('pull', () => {
  it('copies a file out of the home folder into place, with nothing left beside it', async () => {
    const { invoke, finished, outDir } = startCore();
    const put = await invoke<Job>('machine:run', { name: 'ubuntu', command: 'true', as: 'default' });
    await finished(put.id);
    const src = join(outDir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'notes.txt'), 'hello from the Mac');
    const push = await invoke<Job>('machine:push', {
      name: 'ubuntu',
      paths: [join(src, 'notes.txt')],
      dest: 'docs/',
    });
    expect((await finished(push.id)).state).toBe('succeeded');
    const dest = join(outDir, 'back.txt');
    const job = await invoke<Job>('machine:pull', { name: 'ubuntu', source: 'docs/notes.txt', path: dest });
    const done = await finished(job.id);
    expect(done.error).toBeUndefined();
    expect(done).toMatchObject({ state: 'succeeded', path: dest, title: 'Copy notes.txt from ubuntu' });
    expect(readFileSync(dest, 'utf8')).toBe('hello from the Mac');
    expect(readdirSync(outDir).sort()).toEqual(['back.txt', 'src']);
  });

  it('says clearly when the path does not exist in the machine, and leaves nothing behind', async () => {
    const { invoke, finished, outDir } = startCore();
    const dest = join(outDir, 'x.txt');
    const job = await invoke<Job>('machine:pull', { name: 'ubuntu', source: 'no/such.txt', path: dest });
    const done = await finished(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({
      code: 'NOT_FOUND',
      message: "There is no 'no/such.txt' in 'ubuntu'.",
    });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('asks before replacing a file, naming it, and starts nothing', async () => {
    const { invoke, outDir, core } = startCore();
    const dest = join(outDir, 'there.txt');
    writeFileSync(dest, 'keep me');
    await expect(
      invoke('machine:pull', { name: 'ubuntu', source: '.profile', path: dest }),
    ).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringMatching(/^The file 'there\.txt' \(7 bytes, changed .+\) is already there\.$/),
    });
    expect(readFileSync(dest, 'utf8')).toBe('keep me');
    expect(core.jobs.list()).toEqual([]);
  });

  it('never replaces a folder, even when told to: it says what the folder holds and keeps every item', async () => {
    const { invoke, outDir, core } = startCore();
    const project = join(outDir, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'README'), 'mine');
    writeFileSync(join(project, 'src', 'main.c'), 'int main;');
    await expect(
      invoke('machine:pull', { name: 'ubuntu', source: '.profile', path: project, overwrite: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        "'project' is a folder with 2 items. OrbDeck replaces only a file, and only with a file: choose another name.",
    });
    expect(readFileSync(join(project, 'src', 'main.c'), 'utf8')).toBe('int main;');
    expect(readdirSync(project).sort()).toEqual(['README', 'src']);
    expect(core.jobs.list()).toEqual([]);
  });

  it('replaces a file it was told to replace once the copy is complete, as a plain 0644 document', async () => {
    const { invoke, finished, outDir } = startCore();
    const script = join(outDir, 'bashrc');
    writeFileSync(script, 'alias ll="ls -l"\n', { mode: 0o755 });
    chmodSync(script, 0o755);
    await pushInto(invoke, finished, [script], 'docs/');
    const dest = join(outDir, '.bashrc');
    writeFileSync(dest, 'old', { mode: 0o644 });
    const job = await invoke<Job>('machine:pull', {
      name: 'ubuntu',
      source: 'docs/bashrc',
      path: dest,
      overwrite: true,
    });
    expect((await finished(job.id)).state).toBe('succeeded');
    expect(readFileSync(dest, 'utf8')).toBe('alias ll="ls -l"\n');
    expect(statSync(dest).mode & 0o777).toBe(0o644);
    expect(readdirSync(outDir).sort()).toEqual(['.bashrc', 'bashrc']);
  });

  it('keeps a private file private (0600) and marks nothing in a copied folder executable', async () => {
    const { invoke, finished, outDir } = startCore();
    const src = join(outDir, 'keys');
    mkdirSync(src);
    writeFileSync(join(src, 'token'), 'secret', { mode: 0o600 });
    writeFileSync(join(src, 'run.sh'), 'echo hi', { mode: 0o755 });
    chmodSync(join(src, 'run.sh'), 0o755);
    await pushInto(invoke, finished, [src], 'docs/');
    const file = await invoke<Job>('machine:pull', {
      name: 'ubuntu',
      source: 'docs/keys/token',
      path: join(outDir, 'token'),
    });
    expect((await finished(file.id)).state).toBe('succeeded');
    expect(statSync(join(outDir, 'token')).mode & 0o777).toBe(0o600);
    const folder = await invoke<Job>('machine:pull', {
      name: 'ubuntu',
      source: 'docs/keys',
      path: join(outDir, 'copied'),
    });
    expect((await finished(folder.id)).state).toBe('succeeded');
    expect(statSync(join(outDir, 'copied')).mode & 0o777).toBe(0o755);
    expect(statSync(join(outDir, 'copied', 'run.sh')).mode & 0o777).toBe(0o644);
    expect(statSync(join(outDir, 'copied', 'token')).mode & 0o777).toBe(0o600);
  });

  it('does not put a copied folder in place of a file: it is saved beside it, and the outcome says so', async () => {
    const { invoke, finished, outDir } = startCore();
    const src = join(outDir, 'notes');
    mkdirSync(src);
    writeFileSync(join(src, 'a.txt'), 'a');
    await pushInto(invoke, finished, [src], 'docs/');
    const dest = join(outDir, 'notes.txt');
    writeFileSync(dest, 'keep me');
    const job = await invoke<Job>('machine:pull', {
      name: 'ubuntu',
      source: 'docs/notes',
      path: dest,
      overwrite: true,
    });
    const done = await finished(job.id);
    expect(done).toMatchObject({
      state: 'succeeded',
      path: join(outDir, 'notes (2).txt'),
      outcome:
        "The copy is a folder, and OrbDeck replaces a file only with a file, so nothing was replaced: the copy was saved as 'notes (2).txt'.",
    });
    expect(readFileSync(dest, 'utf8')).toBe('keep me');
    expect(readFileSync(join(outDir, 'notes (2).txt', 'a.txt'), 'utf8')).toBe('a');
  });

  it('fails clearly when orbctl says it copied but wrote nothing', async () => {
    const { invoke, finished, outDir } = startCore({ ORBCTL_SIM_FAULT: 'fail:pull:0:' });
    const dest = join(outDir, 'x.txt');
    const job = await invoke<Job>('machine:pull', { name: 'ubuntu', source: '.profile', path: dest });
    const done = await finished(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({
      code: 'ORBCTL_FAILED',
      message: "orbctl pull ended without an error but copied nothing from '.profile'.",
    });
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('suggests the Downloads folder', async () => {
    const { invoke } = startCore();
    const s = await invoke<{ path: string }>('machine:pull-suggest', {
      name: 'ubuntu',
      source: 'logs/app.log',
    });
    expect(s.path).toMatch(/\/app\.log$/);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Job } from '../../../shared/jobs';
import { EventHub } from '../events';
import { JobManager, type JobContext } from './job-manager';

/** A job body the test finishes by hand. */
function gate() {
  let open!: () => void;
  let markStarted!: () => void;
  let context!: JobContext;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const body = (ctx: JobContext): Promise<void> => {
    context = ctx;
    markStarted();
    return opened;
  };
  return { body, open: () => open(), started, ctx: () => context };
}

function setup() {
  const events = new EventHub();
  const seen: Job[] = [];
  events.on('jobs:changed', (job) => seen.push(job));
  const finished: Job[] = [];
  const jobs = new JobManager({ events, onFinished: (j) => finished.push(j) });
  return { jobs, seen, finished };
}

describe('JobManager', () => {
  it('runs a job and reports every state change as an event', async () => {
    const { jobs, seen, finished } = setup();
    const job = jobs.submit({ kind: 'start', machine: 'a', title: 'Start a', run: async () => {} });
    expect(job.state).toMatch(/queued|running/);
    await jobs.whenIdle();
    expect(seen.map((j) => j.state)).toEqual(['queued', 'running', 'succeeded']);
    expect(finished).toHaveLength(1);
    expect(finished[0]!.endedAt).toBeGreaterThanOrEqual(finished[0]!.startedAt!);
    expect(finished[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('queues a second action on a busy machine and says what it waits for', async () => {
    const { jobs } = setup();
    const first = gate();
    jobs.submit({ kind: 'start', machine: 'a', title: 'Start a', run: first.body });
    const second = jobs.submit({ kind: 'stop', machine: 'a', title: 'Stop a', run: async () => {} });
    await first.started;
    expect(jobs.get(second.id)).toMatchObject({ state: 'queued', waitingFor: 'Waiting for “Start a”' });
    expect(jobs.activeFor('a')).toHaveLength(2);
    first.open();
    await jobs.whenIdle();
    expect(jobs.get(second.id).state).toBe('succeeded');
    expect(jobs.get(second.id).waitingFor).toBeUndefined();
  });

  it('cancels a queued job without running it', async () => {
    const { jobs } = setup();
    const first = gate();
    let ran = false;
    jobs.submit({ kind: 'start', machine: 'a', title: 'Start a', run: first.body });
    const second = jobs.submit({
      kind: 'stop',
      machine: 'a',
      title: 'Stop a',
      run: async () => void (ran = true),
    });
    expect(jobs.cancel(second.id).state).toBe('cancelled');
    first.open();
    await jobs.whenIdle();
    expect(ran).toBe(false);
  });

  it('aborts a running job through its signal', async () => {
    const { jobs } = setup();
    const job = jobs.submit({
      kind: 'export',
      machine: 'a',
      title: 'Export a',
      run: (ctx) =>
        new Promise((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(new AppError(ErrorCode.CANCELLED, 'Cancelled.'))),
        ),
    });
    jobs.cancel(job.id);
    await jobs.whenIdle();
    expect(jobs.get(job.id)).toMatchObject({ state: 'cancelled' });
    expect(jobs.get(job.id).error).toBeUndefined();
  });

  it('never calls "cancelled" what happened anyway', async () => {
    const { jobs } = setup();
    const g = gate();
    const job = jobs.submit({
      kind: 'start',
      machine: 'a',
      title: 'Start a',
      run: async (ctx) => {
        await g.body(ctx);
        return { state: 'succeeded', outcome: 'The cancel came too late: a is running.' };
      },
    });
    await g.started;
    jobs.cancel(job.id);
    g.open();
    await jobs.whenIdle();
    expect(jobs.get(job.id)).toMatchObject({
      state: 'succeeded',
      outcome: expect.stringContaining('too late'),
    });
  });

  it('records a failure with its error data', async () => {
    const { jobs } = setup();
    const job = jobs.submit({
      kind: 'start',
      machine: 'a',
      title: 'Start a',
      run: async () => {
        throw new AppError(ErrorCode.NOT_FOUND, "No machine named 'a'.", { exitCode: 1 });
      },
    });
    await jobs.whenIdle();
    expect(jobs.get(job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'NOT_FOUND', message: "No machine named 'a'.", detail: { exitCode: 1 } },
    });
  });

  it('forwards progress while running', async () => {
    const { jobs, seen } = setup();
    const g = gate();
    const job = jobs.submit({ kind: 'export', machine: 'a', title: 'Export a', run: g.body });
    await g.started;
    g.ctx().report({ bytesDone: 10, bytesTotal: 100, fraction: 0.1 });
    expect(jobs.get(job.id).progress).toEqual({ bytesDone: 10, bytesTotal: 100, fraction: 0.1 });
    g.open();
    await jobs.whenIdle();
    expect(seen.some((j) => j.progress?.bytesDone === 10)).toBe(true);
  });

  it('refuses to cancel an unknown job', () => {
    const { jobs } = setup();
    expect(() => jobs.cancel('job-nope')).toThrow(/No job/);
  });
});

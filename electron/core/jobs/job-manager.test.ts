import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Job } from '../../../shared/jobs';
import { EventHub } from '../platform/events';
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

describe('JobManager when what it calls fails', () => {
  it('finishes a job once and keeps running when onFinished throws (history could not be saved)', async () => {
    const events = new EventHub();
    const calls: string[] = [];
    const errors: unknown[] = [];
    const jobs = new JobManager({
      events,
      onFinished: (j) => {
        calls.push(j.id);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      onError: (e) => errors.push(e),
    });
    const first = jobs.submit({ kind: 'start', machine: 'a', title: 'Start a', run: async () => {} });
    const second = jobs.submit({ kind: 'stop', machine: 'a', title: 'Stop a', run: async () => {} });
    await jobs.whenIdle();
    expect(calls).toEqual([first.id, second.id]);
    expect(jobs.get(first.id).state).toBe('succeeded');
    expect(jobs.get(second.id).state).toBe('succeeded');
    expect(errors).toHaveLength(2);
  });

  it('keeps its bookkeeping when a window cannot be told (an event listener throws)', async () => {
    const events = new EventHub();
    events.on('jobs:changed', () => {
      throw new Error('window gone');
    });
    const jobs = new JobManager({ events });
    const job = jobs.submit({ kind: 'start', machine: 'a', title: 'Start a', run: async () => {} });
    await jobs.whenIdle();
    expect(jobs.get(job.id).state).toBe('succeeded');
  });

  it('holds every job until start-up recovery is done, saying so', async () => {
    const { jobs } = setup();
    let release!: () => void;
    jobs.hold(new Promise<void>((r) => (release = r)));
    const job = jobs.submit({ kind: 'start', machine: 'a', title: 'Start a', run: async () => {} });
    expect(jobs.get(job.id)).toMatchObject({
      state: 'queued',
      waitingFor: 'Waiting for OrbDeck to finish starting',
    });
    release();
    await jobs.whenIdle();
    expect(jobs.get(job.id).state).toBe('succeeded');
  });

  it('adopts a job that ended before this run, as a finished job', () => {
    const { jobs, finished, seen } = setup();
    jobs.adopt({
      id: 'job-old-1',
      kind: 'import',
      machine: 'x',
      title: 'Import x from x.tar.zst',
      state: 'failed',
      createdAt: 1,
      endedAt: 2,
      cancellable: false,
      outcome: 'Interrupted when OrbDeck quit; no machine was created.',
    });
    expect(jobs.list().map((j) => j.id)).toEqual(['job-old-1']);
    expect(finished.map((j) => j.id)).toEqual(['job-old-1']);
    expect(seen.at(-1)?.rev).toBeGreaterThan(0);
  });
});

describe('JobManager under a burst of requests', () => {
  const power = (kind: 'start' | 'stop', machine: string, body: (ctx: JobContext) => Promise<void>) => ({
    kind,
    machine,
    title: `${kind === 'start' ? 'Start' : 'Stop'} ${machine}`,
    run: body,
  });

  it('bounds the queue of one machine and merges repeats: 1,000 start/stop requests', async () => {
    const { jobs } = setup();
    const first = gate();
    const outcomes = { jobs: new Set<string>(), coalesced: 0, refused: 0, messages: new Set<string>() };
    for (let i = 0; i < 1000; i++) {
      const kind = i % 2 === 0 ? 'start' : 'stop';
      try {
        const before = jobs.coalesced;
        const job = jobs.submit(power(kind, 'ubuntu', i === 0 ? first.body : async () => {}));
        if (jobs.coalesced > before) outcomes.coalesced++;
        outcomes.jobs.add(job.id);
      } catch (error) {
        outcomes.refused++;
        outcomes.messages.add((error as AppError).code + ': ' + (error as Error).message);
      }
    }
    console.log(
      `[burst] 1000 alternating start/stop requests on one machine -> ${outcomes.jobs.size} jobs, ` +
        `${outcomes.coalesced} coalesced, ${outcomes.refused} refused (BUSY)`,
    );
    expect(outcomes.jobs.size).toBe(9); // the running one and 8 waiting
    expect(jobs.list()).toHaveLength(9);
    // Once 8 wait, a start after the waiting start is that job; a stop is refused.
    expect(outcomes.coalesced).toBe(495);
    expect(outcomes.refused).toBe(496);
    expect([...outcomes.messages]).toEqual([
      'BUSY: ubuntu already has 8 actions waiting; OrbDeck takes more for it once some have run or been cancelled.',
    ]);
    first.open();
    await jobs.whenIdle();
    // Nothing reordered: the jobs ran as asked, alternating.
    expect(jobs.list().map((j) => `${j.kind}:${j.state}`)).toEqual(
      Array.from({ length: 9 }, (_, i) => `${i % 2 === 0 ? 'start' : 'stop'}:succeeded`),
    );
  });

  it('answers a repeat of the last waiting request with that job', async () => {
    const { jobs } = setup();
    const first = gate();
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++)
      ids.add(jobs.submit(power('start', 'ubuntu', i === 0 ? first.body : async () => {})).id);
    console.log(`[burst] 1000 identical start requests -> ${ids.size} jobs, ${jobs.coalesced} coalesced`);
    expect(ids.size).toBe(2); // the running start and one waiting behind it
    expect(jobs.coalesced).toBe(998);
    // Not merged with an earlier identical one when something else waits in between: order is kept.
    const stop = jobs.submit(power('stop', 'ubuntu', async () => {}));
    const start = jobs.submit(power('start', 'ubuntu', async () => {}));
    expect(start.id).not.toBe([...ids][1]);
    expect(new Set([stop.id, start.id, ...ids]).size).toBe(4);
    first.open();
    await jobs.whenIdle();
  });

  it('keeps the cost of a submission flat as the queue grows', async () => {
    const { jobs } = setup();
    const gates = Array.from({ length: 2 }, () => gate());
    const cost: number[] = [];
    const ms: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const work = jobs.schedulerWork;
      const t0 = performance.now();
      // Heavy jobs on 1,000 machines: 2 run, 998 wait for the heavy cap, every one a separate queue.
      jobs.submit({
        kind: 'export',
        machine: `m${i}`,
        title: `Export m${i}`,
        run: i < 2 ? gates[i]!.body : async () => {},
      });
      ms.push(performance.now() - t0);
      cost.push(jobs.schedulerWork - work);
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const [firstCost, lastCost] = [sum(cost.slice(0, 100)), sum(cost.slice(-100))];
    const [firstMs, lastMs] = [sum(ms.slice(0, 100)), sum(ms.slice(-100))];
    console.log(
      `[burst] 1000 exports queued: scheduler work for the first 100 submissions ${firstCost}, ` +
        `for the last 100 ${lastCost}; time ${firstMs.toFixed(1)} ms vs ${lastMs.toFixed(1)} ms`,
    );
    expect(lastCost).toBeLessThanOrEqual(firstCost * 1.1 + 10);
    expect(lastMs).toBeLessThan(firstMs * 10 + 50);
    expect(jobs.list().filter((j) => j.state === 'running')).toHaveLength(2);
    const drainWork = jobs.schedulerWork;
    gates.forEach((g) => g.open());
    await jobs.whenIdle();
    console.log(`[burst] draining those 1000 exports: scheduler work ${jobs.schedulerWork - drainWork}`);
    // Each freed slot goes to the next waiting export without looking at the 997 behind it.
    expect(jobs.schedulerWork - drainWork).toBeLessThan(5 * 1000);
    expect(jobs.list().every((j) => j.state === 'succeeded')).toBe(true);
  });
});

describe('JobManager: who asked', () => {
  it('marks the jobs submitted within an agent’s call, and not those its jobs submit later', async () => {
    const { jobs, finished } = setup();
    let later: Job | undefined;
    const asked = await jobs.requesters.run('agent', async () => {
      await Promise.resolve();
      return jobs.submit({
        kind: 'create',
        machine: 'box',
        title: 'Create box',
        run: async () => {
          await new Promise((r) => setTimeout(r, 5));
          later = jobs.submit({ kind: 'clone', machine: 'box', title: 'Golden', run: async () => {} });
        },
      });
    });
    const own = jobs.submit({ kind: 'start', machine: 'other', title: 'Start other', run: async () => {} });
    await jobs.whenIdle();
    await jobs.whenIdle();
    expect(asked.by).toBe('agent');
    expect(own.by).toBeUndefined();
    expect(later?.by).toBeUndefined();
    expect(finished.find((j) => j.id === asked.id)?.by).toBe('agent');
  });

  it('records a request answered at once as a finished job, failed when it carries an error', () => {
    const { jobs, seen, finished } = setup();
    const read = jobs.requesters.run('agent', () =>
      jobs.record({ kind: 'agent', machine: '', title: 'Agent read the machine list' }, {}),
    );
    const refused = jobs.record(
      { kind: 'agent', machine: 'ubuntu', title: 'Agent asked to delete ubuntu: refused' },
      { error: { code: ErrorCode.FORBIDDEN, message: 'ubuntu is not a sandbox.' } },
    );
    expect(read).toMatchObject({ state: 'succeeded', by: 'agent', durationMs: 0, cancellable: false });
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'FORBIDDEN' } });
    expect(refused.by).toBeUndefined();
    expect(finished.map((j) => j.title)).toEqual([read.title, refused.title]);
    expect(seen.map((j) => j.state)).toEqual(['succeeded', 'failed']);
    expect(jobs.list().map((j) => j.id)).toEqual([read.id, refused.id]);
  });
});

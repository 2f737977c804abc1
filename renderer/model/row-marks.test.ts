import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/jobs';
import { failureMarks, namesBeingTaken, placeholders } from './row-marks';

let clock = 0;
const job = (kind: Job['kind'], machine: string, state: Job['state'], extra: Partial<Job> = {}): Job => ({
  id: `j${++clock}`,
  kind,
  machine,
  title: `${kind} ${machine}`,
  state,
  createdAt: clock,
  cancellable: true,
  ...extra,
});

describe('placeholders', () => {
  it('shows machines being created, cloned or imported until they exist', () => {
    const jobs = [
      job('create', 'new-one', 'running'),
      job('clone', 'web', 'queued', { touches: ['web-copy'] }),
      job('import', 'imported', 'running'),
      job('start', 'web', 'running'),
      job('create', 'done', 'succeeded'),
    ];
    const rows = placeholders(jobs, (n) => n === 'imported');
    expect(rows.map((r) => r.name)).toEqual(['new-one', 'web-copy']);
    expect(rows[1]!.job.kind).toBe('clone');
  });
});

describe('failureMarks', () => {
  it('marks a machine whose latest lifecycle action failed, until a later one succeeds or a dismissal', () => {
    const failed = job('start', 'web', 'failed', { endedAt: 10 });
    expect([...failureMarks([failed], new Set()).keys()]).toEqual(['web']);
    expect(failureMarks([failed], new Set([failed.id])).size).toBe(0);
    const retry = job('start', 'web', 'running', { startedAt: 11 });
    expect([...failureMarks([failed, retry], new Set()).keys()]).toEqual(['web']);
    const retried = { ...retry, state: 'succeeded' as const, endedAt: 12 };
    expect(failureMarks([failed, retried], new Set()).size).toBe(0);
    const older = job('stop', 'db', 'failed', { endedAt: 1 });
    const newer = job('start', 'db', 'succeeded', { endedAt: 2 });
    expect(failureMarks([newer, older], new Set()).size).toBe(0);
  });

  it('never marks a machine for a command, a copy or an export, nor clears a mark with one', () => {
    const jobs = [
      job('run', 'web', 'failed', { endedAt: 1 }),
      job('pull', 'web', 'failed', { endedAt: 2 }),
      job('push', 'db', 'failed', { endedAt: 3 }),
      job('export', 'db', 'failed', { endedAt: 4 }),
    ];
    expect(failureMarks(jobs, new Set()).size).toBe(0);
    const stop = job('stop', 'api', 'failed', { endedAt: 5 });
    const run = job('run', 'api', 'succeeded', { endedAt: 6 });
    const cancelled = job('start', 'api', 'cancelled', { endedAt: 7 });
    expect(failureMarks([stop, run, cancelled], new Set()).get('api')).toBe(stop);
  });
});

describe('namesBeingTaken', () => {
  it('lists the names queued or running jobs will take', () => {
    const jobs = [
      job('create', 'a', 'queued'),
      job('rename', 'b', 'running', { touches: ['b2'] }),
      job('clone', 'c', 'running', { touches: ['c-copy'] }),
      job('create', 'old', 'failed'),
    ];
    expect([...namesBeingTaken(jobs)].sort()).toEqual(['a', 'b2', 'c-copy']);
  });
});

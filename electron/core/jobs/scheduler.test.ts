import { describe, expect, it } from 'vitest';
import type { Job, JobKind, JobState } from '../../../shared/jobs';
import { startableJobs, waitingReason } from './scheduler';

let n = 0;
const job = (kind: JobKind, machine: string, state: JobState = 'queued'): Job => ({
  id: `job-${++n}`,
  kind,
  machine,
  title: `${kind} ${machine}`,
  state,
  createdAt: n,
  cancellable: true,
});
const ids = (jobs: Job[]) => jobs.map((j) => j.title);
const limits = { maxHeavy: 2 };

describe('startableJobs', () => {
  it('runs one job per machine, in queue order', () => {
    const jobs = [job('start', 'a'), job('stop', 'a'), job('start', 'b')];
    expect(ids(startableJobs(jobs, limits))).toEqual(['start a', 'start b']);
  });

  it('keeps a machine busy while its job runs', () => {
    const jobs = [job('start', 'a', 'running'), job('stop', 'a')];
    expect(startableJobs(jobs, limits)).toEqual([]);
    expect(waitingReason(jobs[1]!, jobs, limits)).toBe('Waiting for “start a”');
  });

  it('caps heavy jobs and says why the next one waits', () => {
    const jobs = [
      job('export', 'a', 'running'),
      job('clone', 'b', 'running'),
      job('import', 'c'),
      job('start', 'd'),
    ];
    expect(ids(startableJobs(jobs, limits))).toEqual(['start d']);
    expect(waitingReason(jobs[2]!, jobs, limits)).toMatch(/2 clone\/export\/import jobs/);
  });

  it('lets the second heavy job start next to the first', () => {
    const jobs = [job('export', 'a', 'running'), job('export', 'b'), job('export', 'c')];
    expect(ids(startableJobs(jobs, limits))).toEqual(['export b']);
  });

  it('does not let a later job overtake a waiting one on the same machine', () => {
    const jobs = [
      job('export', 'x', 'running'),
      job('export', 'y', 'running'),
      job('export', 'a'),
      job('start', 'a'),
    ];
    expect(startableJobs(jobs, limits)).toEqual([]);
  });

  it('reserves every machine a job touches', () => {
    const clone = job('clone', 'src');
    const jobs = [clone, job('start', 'src-copy')];
    const touches = (j: Job) => (j === clone ? ['src', 'src-copy'] : [j.machine]);
    expect(ids(startableJobs(jobs, limits, touches))).toEqual(['clone src']);
  });

  it('ignores finished jobs', () => {
    const jobs = [job('start', 'a', 'failed'), job('start', 'a', 'cancelled'), job('stop', 'a')];
    expect(ids(startableJobs(jobs, limits))).toEqual(['stop a']);
  });
});

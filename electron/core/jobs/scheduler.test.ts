import { describe, expect, it } from 'vitest';
import { HEAVY_JOB_KINDS, type JobKind } from '../../../shared/jobs';
import { Scheduler, type Schedulable } from './scheduler';

interface Item extends Schedulable {
  state: 'queued' | 'running';
}

let n = 0;
const job = (kind: JobKind, machine: string | string[], state: Item['state'] = 'queued'): Item => ({
  seq: ++n,
  title: `${kind} ${Array.isArray(machine) ? machine[0] : machine}`,
  machines: Array.isArray(machine) ? machine : [machine],
  heavy: HEAVY_JOB_KINDS.includes(kind),
  state,
});
const limits = { maxHeavy: 2, maxQueuedPerMachine: 8 };

/** The jobs given (running ones first), then what may start now, the way the job manager asks. */
function schedule(jobs: Item[]) {
  const s = new Scheduler<Item>(limits);
  for (const j of jobs) {
    s.enqueue(j);
    if (j.state === 'running') s.started(j);
  }
  const all = [...new Set(jobs.flatMap((j) => j.machines))];
  const startable: string[] = [];
  for (const j of s.affected(all)) {
    if (s.canStart(j)) {
      s.started(j);
      startable.push(j.title);
    }
  }
  return { s, startable };
}

describe('Scheduler', () => {
  it('runs one job per machine, in queue order', () => {
    expect(schedule([job('start', 'a'), job('stop', 'a'), job('start', 'b')]).startable).toEqual([
      'start a',
      'start b',
    ]);
  });

  it('keeps a machine busy while its job runs, and says what the next one waits for', () => {
    const jobs = [job('start', 'a', 'running'), job('stop', 'a')];
    const { s, startable } = schedule(jobs);
    expect(startable).toEqual([]);
    expect(s.reason(jobs[1]!)).toBe('Waiting for “start a”');
  });

  it('caps heavy jobs and says why the next one waits', () => {
    const jobs = [
      job('export', 'a', 'running'),
      job('clone', 'b', 'running'),
      job('import', 'c'),
      job('start', 'd'),
    ];
    const { s, startable } = schedule(jobs);
    expect(startable).toEqual(['start d']);
    expect(s.reason(jobs[2]!)).toMatch(/2 clone\/export\/import jobs/);
  });

  it('lets the second heavy job start next to the first', () => {
    expect(
      schedule([job('export', 'a', 'running'), job('export', 'b'), job('export', 'c')]).startable,
    ).toEqual(['export b']);
  });

  it('does not let a later job overtake a waiting one on the same machine', () => {
    const jobs = [
      job('export', 'x', 'running'),
      job('export', 'y', 'running'),
      job('export', 'a'),
      job('start', 'a'),
    ];
    const { s, startable } = schedule(jobs);
    expect(startable).toEqual([]);
    expect(s.reason(jobs[3]!)).toBe('Waiting for “export a”');
  });

  it('reserves every machine a job touches', () => {
    expect(schedule([job('clone', ['src', 'src-copy']), job('start', 'src-copy')]).startable).toEqual([
      'clone src',
    ]);
  });

  it('frees a machine when its job ends or a queued one is cancelled', () => {
    const running = job('start', 'a', 'running');
    const cancelled = job('stop', 'a');
    const next = job('restart', 'a');
    const { s } = schedule([running, cancelled, next]);
    s.dequeue(cancelled);
    expect(s.reason(next)).toBe('Waiting for “start a”');
    s.ended(running);
    expect(s.affected(['a'])).toEqual([next]);
    expect(s.canStart(next)).toBe(true);
    expect(s.reason(next)).toBeUndefined();
  });

  it('answers a change by looking only at the jobs on the machines it concerns', () => {
    const s = new Scheduler<Item>(limits);
    for (let i = 0; i < 500; i++) s.enqueue(job('start', `m${i}`));
    const before = s.examined;
    expect(s.affected(['m7'])).toHaveLength(1);
    expect(s.examined - before).toBe(1);
  });

  it('gives a freed heavy slot to the earliest heavy job that can use it, looking no further', () => {
    const s = new Scheduler<Item>(limits);
    const a = job('export', 'a', 'running');
    const b = job('export', 'b', 'running');
    const busy = job('start', 'c', 'running');
    for (const j of [a, b, busy]) {
      s.enqueue(j);
      s.started(j);
    }
    const blocked = job('export', 'c'); // its machine is busy
    const queued = Array.from({ length: 300 }, (_, i) => job('import', `n${i}`));
    for (const j of [blocked, ...queued]) s.enqueue(j);
    expect(s.reason(queued[0]!)).toBe('Waiting: 2 clone/export/import jobs are already running');
    s.ended(a);
    const before = s.examined;
    expect(s.heavyToStart()).toEqual([queued[0]]);
    expect(s.examined - before).toBe(2);
  });
});

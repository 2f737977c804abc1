import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SandboxRecord } from '../../../shared/sandboxes';
import { nextDue, TimeLimits } from './time-limits';

const MIN = 60_000;
const sandbox = (name: string, endsAt: number | null, since = 0, warned = false): SandboxRecord => ({
  id: name.toUpperCase(),
  name,
  state: 'ready',
  createdAt: 0,
  golden: null,
  timeLimit: endsAt === null ? null : { endsAt, since, then: 'reset', ...(warned ? { warned } : {}) },
});

afterEach(() => vi.useRealTimers());

describe('time limits', () => {
  it('warns five minutes before the end, a short limit at its half, then ends it', () => {
    expect(nextDue([sandbox('a', 60 * MIN), sandbox('none', null)])).toMatchObject({
      what: 'warn',
      at: 55 * MIN,
    });
    expect(nextDue([sandbox('short', 2 * MIN)])).toMatchObject({ what: 'warn', at: MIN });
    expect(nextDue([sandbox('a', 60 * MIN, 0, true), sandbox('b', 30 * MIN)])).toMatchObject({
      record: { name: 'b' },
      what: 'warn',
    });
    expect(nextDue([sandbox('a', 60 * MIN, 0, true)])).toMatchObject({ what: 'end', at: 60 * MIN });
    expect(nextDue([])).toBeNull();
  });

  it('runs in the core: a warning, then the end, each once, and nothing before start()', () => {
    vi.useFakeTimers({ now: 0 });
    let records = [sandbox('box', 10 * MIN)];
    const said: string[] = [];
    const limits = new TimeLimits({
      list: () => records,
      warn: (r) => {
        said.push(`warn ${r.name} at ${Date.now() / MIN}`);
        records = [{ ...r, timeLimit: { ...r.timeLimit!, warned: true } }];
      },
      end: (r, late) => {
        said.push(`end ${r.name} at ${Date.now() / MIN}${late ? ' late' : ''}`);
        records = [{ ...r, timeLimit: null }];
      },
    });
    limits.schedule();
    vi.advanceTimersByTime(20 * MIN);
    expect(said).toEqual([]);
    records = [sandbox('box', 50 * MIN, 20 * MIN)];
    limits.start();
    vi.advanceTimersByTime(24 * MIN);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(1 * MIN);
    expect(said).toEqual(['warn box at 45']);
    vi.advanceTimersByTime(5 * MIN);
    expect(said).toEqual(['warn box at 45', 'end box at 50']);
    vi.advanceTimersByTime(60 * MIN);
    expect(said).toHaveLength(2);
    limits.stop();
  });

  it('ends at start a limit that ran out while OrbDeck was not running, and one extended later in time', () => {
    vi.useFakeTimers({ now: 100 * MIN });
    let records = [sandbox('late', 50 * MIN), sandbox('later', 130 * MIN, 100 * MIN, true)];
    const ended: string[] = [];
    const limits = new TimeLimits({
      list: () => records,
      warn: () => {},
      end: (r, late) => {
        ended.push(`${r.name}${late ? ' late' : ''}`);
        records = records.map((x) => (x.id === r.id ? { ...x, timeLimit: null } : x));
      },
    });
    limits.start();
    expect(ended).toEqual(['late late']);
    // Extended: the timer follows the new end.
    records = records.map((x) => (x.name === 'later' ? sandbox('later', 190 * MIN, 100 * MIN, true) : x));
    limits.schedule();
    vi.advanceTimersByTime(60 * MIN);
    expect(ended).toEqual(['late late']);
    vi.advanceTimersByTime(30 * MIN);
    expect(ended).toEqual(['late late', 'later']);
  });

  it('never spins on a handler that leaves its record as it was', () => {
    vi.useFakeTimers({ now: 0 });
    const records = [sandbox('stuck', MIN, 0, true)];
    const end = vi.fn();
    const limits = new TimeLimits({ list: () => records, warn: () => {}, end });
    limits.start();
    vi.advanceTimersByTime(MIN);
    expect(end.mock.calls.length).toBeLessThanOrEqual(2);
    limits.stop();
  });
});

import { describe, expect, it } from 'vitest';
import { countdown, extended, resetAvailability, timeLeftWords, timeLimitRequest, warnAt } from './sandboxes';

describe('sandbox rules', () => {
  it('counts down as a clock, and says the time left in words', () => {
    expect(countdown(3_723_000)).toBe('1:02:03');
    expect(countdown(245_100)).toBe('4:06');
    expect(countdown(9_000)).toBe('0:09');
    expect(countdown(-5)).toBe('0:00');
    expect(timeLeftWords(5 * 60_000)).toBe('in 5 minutes');
    expect(timeLeftWords(70 * 60_000)).toBe('in 1 hour 10 minutes');
    expect(timeLeftWords(2 * 3_600_000)).toBe('in 2 hours');
    expect(timeLeftWords(1_000)).toBe('in 1 second');
  });

  it('warns five minutes before, or at the half of a shorter limit; extending counts from now once run out', () => {
    expect(warnAt({ endsAt: 3_600_000, since: 0 })).toBe(3_300_000);
    expect(warnAt({ endsAt: 20_000, since: 0 })).toBe(10_000);
    expect(extended({ endsAt: 1000, since: 0, then: 'reset', warned: true }, 500)).toEqual({
      endsAt: 3_601_000,
      since: 500,
      then: 'reset',
    });
    expect(extended({ endsAt: 1000, since: 0, then: 'delete' }, 5000, 60).endsAt).toBe(65_000);
  });

  it('takes limits from 10 seconds to 7 days, and says why not', () => {
    expect(timeLimitRequest.safeParse({ seconds: 10, then: 'reset' }).success).toBe(true);
    expect(timeLimitRequest.safeParse({ seconds: 9, then: 'reset' }).error?.issues[0]?.message).toBe(
      'A time limit is at least 10 seconds.',
    );
    expect(timeLimitRequest.safeParse({ seconds: 8 * 24 * 3600, then: 'delete' }).success).toBe(false);
    expect(timeLimitRequest.safeParse({ seconds: 60, then: 'explode' }).success).toBe(false);
  });

  it('resets only a sandbox with a golden checkpoint, at rest and not busy', () => {
    const ready = { name: 'box', state: 'ready' as const };
    expect(resetAvailability(ready, 'running', undefined)).toEqual({
      enabled: true,
      reason: 'Put box back to its golden checkpoint',
    });
    expect(resetAvailability(ready, 'running', { title: 'Run “ls” in box' }).reason).toBe(
      'Busy: Run “ls” in box. Wait for it to finish.',
    );
    expect(resetAvailability({ ...ready, state: 'setting-up' }, 'running', undefined).enabled).toBe(false);
    expect(resetAvailability({ ...ready, state: 'no-golden' }, 'stopped', undefined).reason).toMatch(
      /save one/,
    );
    expect(resetAvailability(ready, 'starting', undefined).reason).toBe('box is starting');
  });
});

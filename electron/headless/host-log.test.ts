import { describe, expect, it } from 'vitest';
import { describeError, throttledLog } from './host-log';

describe('throttledLog', () => {
  it('passes a few lines a minute, then says how many it left out', () => {
    const lines: string[] = [];
    let now = 0;
    const log = throttledLog(
      (l) => lines.push(l),
      3,
      () => now,
    );
    for (let i = 0; i < 10; i++) log(`line ${i}`);
    expect(lines).toEqual(['line 0', 'line 1', 'line 2']);
    now = 60_000;
    log('later');
    expect(lines.slice(3)).toEqual(['(7 more like these were left out of the log)', 'later']);
  });
});

describe('describeError', () => {
  it('gives the code and a one-line message, cut short', () => {
    const error = Object.assign(new RangeError('Invalid WebSocket frame:\nMASK must be set'), {
      code: 'WS_ERR_EXPECTED_MASK',
    });
    expect(describeError(error)).toBe('Invalid WebSocket frame: MASK must be set (WS_ERR_EXPECTED_MASK)');
    expect(describeError(new Error('x'.repeat(500))).length).toBe(120);
  });
});

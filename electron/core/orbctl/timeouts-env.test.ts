import { describe, expect, it } from 'vitest';
import { parseTimeouts } from './timeouts-env';

describe('parseTimeouts (ORBDECK_ORBCTL_TIMEOUTS)', () => {
  it('reads seconds per command', () => {
    expect(parseTimeouts('create=1800, export = 7200')).toEqual({
      timeouts: { create: 1_800_000, export: 7_200_000 },
      problems: [],
    });
    expect(parseTimeouts(undefined)).toEqual({ timeouts: {}, problems: [] });
  });

  it('names what it cannot read and keeps the default for it', () => {
    expect(parseTimeouts('crate=10,list=0,info=soon,stop=5')).toEqual({
      timeouts: { stop: 5000 },
      problems: [
        'unknown command "crate"',
        '"list=0" needs a number of seconds',
        '"info=soon" needs a number of seconds',
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ALL_CHANNELS, ALL_EVENTS, CONTRACT, isChannel } from './contract';

describe('IPC contract', () => {
  it('uses unique feature:verb names', () => {
    const names = [...ALL_CHANNELS, ...ALL_EVENTS];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('refuses names that could become flags or paths', () => {
    const schema = CONTRACT['machine:start'].request;
    for (const bad of ['-rf', '', '../x', 'a b', 'x'.repeat(300), 42, null]) {
      expect(schema.safeParse({ name: bad }).success).toBe(false);
    }
    expect(schema.safeParse({ name: 'ubuntu' }).success).toBe(true);
    expect(schema.safeParse({ name: 'ubuntu', extra: 1 }).success).toBe(false);
  });

  it('recognises channels, and nothing from the object prototype', () => {
    expect(isChannel('machine:start')).toBe(true);
    expect(isChannel('machine:format-disk')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ALL_CHANNELS, ALL_EVENTS, CONTRACT, isChannel } from './contract';
import { jsonBytes, MAX_PRESETS_FILE_BYTES, MAX_REQUEST_BYTES } from './limits';

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

  it('takes no presets file larger than a request may be, counting its bytes, not its characters', () => {
    const schema = CONTRACT['presets:import'].request;
    const fits = 'x'.repeat(MAX_PRESETS_FILE_BYTES - 2);
    expect(schema.safeParse({ text: fits }).success).toBe(true);
    expect(jsonBytes({ id: 1, channel: 'presets:import', request: { text: fits } })).toBeLessThan(
      MAX_REQUEST_BYTES,
    );
    expect(schema.safeParse({ text: `${fits}x` }).success).toBe(false);
    // 400,000 characters of three bytes each are 1.2 MB on the wire.
    expect(schema.safeParse({ text: '€'.repeat(400_000) }).success).toBe(false);
    expect(CONTRACT['presets:preview'].request.safeParse({ text: `${fits}x` }).success).toBe(false);
  });

  it('refuses a checkpoint label with a right-to-left override or a line break', () => {
    const schema = CONTRACT['checkpoint:save'].request;
    for (const label of ['before\u202Eedargpu', 'two\nlines', '\u2067x\u2069'])
      expect(schema.safeParse({ name: 'ubuntu', label }).success, JSON.stringify(label)).toBe(false);
    expect(schema.safeParse({ name: 'ubuntu', label: 'vor dem Upgrade ✓' }).success).toBe(true);
  });
});

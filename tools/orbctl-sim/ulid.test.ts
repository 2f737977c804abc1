import { describe, expect, it } from 'vitest';
import { ULID_PATTERN, ulid, ulidTime } from './ulid';

describe('ulid (docs/orbctl.md#list-json id)', () => {
  it('is 26 Crockford base32 characters', () => {
    for (let i = 0; i < 50; i++) expect(ulid()).toMatch(ULID_PATTERN);
  });

  it('encodes the time in its first 10 characters, so ids sort by creation', () => {
    const t = Date.UTC(2025, 7, 20, 12, 0, 0);
    expect(ulidTime(ulid(t))).toBe(t);
    expect(ulid(t) < ulid(t + 1)).toBe(true);
  });

  it('matches a known encoding', () => {
    // Time 0 and all-zero randomness; all-ones randomness ends in Z.
    expect(ulid(0, Buffer.alloc(10))).toBe('0'.repeat(26));
    expect(ulid(0, Buffer.alloc(10, 0xff)).slice(10)).toBe('Z'.repeat(16));
    expect(ulid(1469918176385, Buffer.alloc(10)).slice(0, 10)).toBe('01ARYZ6S41');
  });
});

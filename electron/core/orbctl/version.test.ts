import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { atLeast, capabilitiesOf, parseVersionOrThrow, parseVersionOutput, requireFeature } from './version';

describe('parseVersionOutput (docs/orbctl.md#version-output)', () => {
  it('reads version, build code and commit', () => {
    expect(parseVersionOutput('Version: 2.2.0 (2020000)\nCommit: 0123abc (v2.2.0)\n')).toEqual({
      version: '2.2.0',
      major: 2,
      minor: 2,
      patch: 0,
      build: '2020000',
      commit: '0123abc',
    });
  });

  it('tolerates a missing build code, extra lines, a "v" and a pre-release suffix', () => {
    const v = parseVersionOutput('OrbStack\nVersion: v1.9.5\nBuilt: yesterday\n');
    expect(v).toEqual({ version: '1.9.5', major: 1, minor: 9, patch: 5 });
    expect(parseVersionOutput('Version: 2.1.0-beta.2 (2010002)\n')?.version).toBe('2.1.0-beta.2');
    expect(parseVersionOutput('orbctl 1.10\n')).toMatchObject({ major: 1, minor: 10, patch: 0 });
  });

  it('BAD_OUTPUT when there is no version at all', () => {
    expect(parseVersionOutput('hello\n')).toBeNull();
    expect(() => parseVersionOrThrow('hello\n')).toThrow(AppError);
  });
});

describe('version gates (docs/orbctl.md#version-gates)', () => {
  const v = (s: string) => parseVersionOutput(`Version: ${s}`)!;

  it('compares numerically, not as text', () => {
    expect(atLeast(v('1.10.0'), '1.9.5')).toBe(true);
    expect(atLeast(v('1.9.5'), '1.10.0')).toBe(false);
    expect(atLeast(v('2.0.0'), '1.10.0')).toBe(true);
    expect(atLeast(v('2.1.0'), '2.1.0')).toBe(true);
  });

  it('derives capabilities', () => {
    expect(capabilitiesOf(v('1.9.5'))).toEqual({
      version: '1.9.5',
      clone: false,
      export: false,
      import: false,
      isolated: false,
      resourceLimits: false,
    });
    expect(capabilitiesOf(v('2.1.3'))).toMatchObject({ clone: true, isolated: true, resourceLimits: false });
    expect(capabilitiesOf(v('2.2.0'))).toMatchObject({ isolated: true, resourceLimits: true });
  });

  it('UNSUPPORTED_VERSION names the version needed and the one found', () => {
    try {
      requireFeature(v('1.9.5'), 'export');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.code).toBe('UNSUPPORTED_VERSION');
      expect(e.message).toContain('1.10.0');
      expect(e.message).toContain('1.9.5');
    }
    expect(() => requireFeature(v('2.0.0'), 'resourceLimits')).toThrow(/2\.2\.0.*2\.0\.0/);
    expect(() => requireFeature(v('2.2.0'), 'resourceLimits')).not.toThrow();
  });
});

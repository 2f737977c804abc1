import { describe, expect, it } from 'vitest';
import { locateOrbctl, orbctlEnv, probeFile, type FileProbe } from './locate';
import { tempDir, writeScript } from '../../../test/helpers/processes';
import { caught } from '../../../test/helpers/processes';

const HOME = '/Users/me';
const fakeDisk =
  (files: Record<string, FileProbe>) =>
  (path: string): FileProbe =>
    files[path] ?? 'missing';

describe('locateOrbctl', () => {
  const everywhere = fakeDisk({
    '/env/orbctl': 'executable',
    '/saved/orbctl': 'executable',
    '/path1/orbctl': 'executable',
    [`${HOME}/.orbstack/bin/orbctl`]: 'executable',
    '/usr/local/bin/orbctl': 'executable',
    '/opt/homebrew/bin/orbctl': 'executable',
  });

  it('prefers ORBDECK_ORBCTL, then the saved setting, then PATH, then the install folders', () => {
    const env = { ORBDECK_ORBCTL: '/env/orbctl', PATH: '/path1' };
    expect(locateOrbctl({ env, home: HOME, savedPath: '/saved/orbctl', probe: everywhere })).toEqual({
      path: '/env/orbctl',
      source: 'env',
    });
    expect(
      locateOrbctl({ env: { PATH: '/path1' }, home: HOME, savedPath: '/saved/orbctl', probe: everywhere }),
    ).toEqual({ path: '/saved/orbctl', source: 'setting' });
    expect(locateOrbctl({ env: { PATH: '/path1' }, home: HOME, probe: everywhere }).path).toBe(
      '/path1/orbctl',
    );
    expect(locateOrbctl({ env: { PATH: '/nope' }, home: HOME, probe: everywhere }).path).toBe(
      `${HOME}/.orbstack/bin/orbctl`,
    );
    const brewOnly = fakeDisk({ '/opt/homebrew/bin/orbctl': 'executable' });
    expect(locateOrbctl({ env: {}, home: HOME, probe: brewOnly }).path).toBe('/opt/homebrew/bin/orbctl');
  });

  it('skips non-executable candidates and relative PATH entries while searching', () => {
    const probe = fakeDisk({
      '/a/orbctl': 'not-executable',
      'bin/orbctl': 'executable',
      '/usr/local/bin/orbctl': 'executable',
    });
    expect(locateOrbctl({ env: { PATH: '/a:bin' }, home: HOME, probe }).path).toBe('/usr/local/bin/orbctl');
  });

  it('NOT_INSTALLED lists every place searched', () => {
    const e = caught(() => locateOrbctl({ env: { PATH: '/x:/y' }, home: HOME, probe: fakeDisk({}) }));
    expect(e.code).toBe('NOT_INSTALLED');
    expect(e.detail?.notes).toEqual([
      'searched: /x/orbctl',
      'searched: /y/orbctl',
      `searched: ${HOME}/.orbstack/bin/orbctl`,
      'searched: /usr/local/bin/orbctl',
      'searched: /opt/homebrew/bin/orbctl',
    ]);
  });

  it('an explicit path that is unusable is an error naming it, never a silent fallback', () => {
    const cases: [Record<string, string>, string | undefined, FileProbe, RegExp][] = [
      [
        { ORBDECK_ORBCTL: '/env/orbctl' },
        undefined,
        'missing',
        /'\/env\/orbctl'.*ORBDECK_ORBCTL.*does not exist/,
      ],
      [{}, '/saved/orbctl', 'not-executable', /'\/saved\/orbctl'.*Settings.*not executable/],
      [{}, '/saved/orbctl', 'not-a-file', /not a file/],
      [{ ORBDECK_ORBCTL: 'orbctl' }, undefined, 'executable', /not an absolute path/],
    ];
    for (const [env, savedPath, state, pattern] of cases) {
      // /usr/local/bin/orbctl exists and works: it must not be picked instead.
      const probe = (p: string): FileProbe => (p === '/usr/local/bin/orbctl' ? 'executable' : state);
      const e = caught(() =>
        locateOrbctl({ env: { PATH: '/usr/local/bin', ...env }, home: HOME, savedPath, probe }),
      );
      expect(e.code).toBe('NOT_INSTALLED');
      expect(e.message).toMatch(pattern);
    }
  });

  it('probeFile tells executable, missing, folder and non-executable apart on a real disk', async () => {
    const dir = tempDir();
    try {
      const exe = writeScript(dir.path, 'orbctl', 'process.exit(0)');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${dir.path}/plain`, 'x', { mode: 0o644 });
      expect(probeFile(exe)).toBe('executable');
      expect(probeFile(`${dir.path}/missing`)).toBe('missing');
      expect(probeFile(dir.path)).toBe('not-a-file');
      // root may execute a file only when some x bit is set, so this holds for root too.
      expect(probeFile(`${dir.path}/plain`)).toBe('not-executable');
    } finally {
      dir.remove();
    }
  });
});

describe('orbctlEnv', () => {
  it('prepends the install folders to a minimal Finder PATH, keeps the rest, turns colour off', () => {
    const env = orbctlEnv(
      { PATH: '/usr/bin:/bin:/usr/local/bin', LANG: 'en_US.UTF-8', GONE: undefined },
      HOME,
    );
    expect(env.PATH).toBe(`${HOME}/.orbstack/bin:/usr/local/bin:/opt/homebrew/bin:/usr/bin:/bin`);
    expect(env.LANG).toBe('en_US.UTF-8');
    expect(env).not.toHaveProperty('GONE');
    expect(env.NO_COLOR).toBe('1');
    expect(orbctlEnv({}, HOME).PATH).toBe(`${HOME}/.orbstack/bin:/usr/local/bin:/opt/homebrew/bin`);
  });
});

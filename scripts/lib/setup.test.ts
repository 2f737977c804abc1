import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const setup = resolve(__dirname, 'setup.mjs');

/** A project whose one dependency wants a newer Node than this one: npm warns EBADENGINE for it. */
function projectWithEngineWarning(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-setup-'));
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(
    join(dir, 'pkg', 'package.json'),
    JSON.stringify({ name: 'needs-new-node', version: '1.0.0', engines: { node: '>=99' } }),
  );
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'app',
      version: '1.0.0',
      private: true,
      dependencies: { 'needs-new-node': 'file:../pkg' },
    }),
  );
  const lock = spawnSync(
    'npm',
    ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: app,
      encoding: 'utf8',
    },
  );
  if (lock.status !== 0) throw new Error(lock.stderr);
  return app;
}

describe('the first npm start', () => {
  it('installs without npm’s EBADENGINE warnings, saying in one line what it did', () => {
    const app = projectWithEngineWarning();
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { ensureDependencies } from ${JSON.stringify(setup)}; ensureDependencies({ at: ${JSON.stringify(app)} });`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const printed = `${run.stdout}${run.stderr}`;
    expect(printed).not.toContain('EBADENGINE');
    expect(printed.trim().split('\n')).toEqual([
      '[orbdeck] Installing dependencies (npm ci)…',
      expect.stringMatching(/^\[orbdeck\] Installed 1 package in \d+ s\.$/),
    ]);
  }, 60_000);
});

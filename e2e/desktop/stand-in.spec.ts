import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAND_IN } from './support/desktop-app';
import { expect, test } from './support/fixtures';

// The stand-in itself, on a tiny app that uses what OrbDeck's main process is moving to: a privileged
// app:// scheme served by protocol.handle and net.fetch, and utilityProcess.fork.

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

// With a Chromium of its own, as the stand-in starts when no test runner lends it one.
test.use({ desktopOptions: { appDir: join(STAND_IN, 'self-test'), args: [] }, sharedChromium: false });

test('serves app:// through the protocol handler, reports app:// URLs, and forks utility processes', async ({
  app,
  window,
}) => {
  await expect(window.locator('#status')).toHaveText('module ran, fetched 42, http:');
  await expect
    .poll(async () => (await app.state()).windows)
    .toMatchObject([{ url: 'app://selftest/index.html', visible: true, title: 'Self test' }]);
  const whoami = await window.evaluate(() =>
    (globalThis as unknown as { selftest: { invoke(c: string): Promise<unknown> } }).selftest.invoke(
      'whoami',
    ),
  );
  expect(whoami).toEqual({
    senderUrl: 'app://selftest/index.html',
    version: '1.2.3',
    name: 'StandInSelfTest',
  });

  // utilityProcess.fork: arguments, piped output, exit codes, kill().
  const invoke = (channel: string, ...args: unknown[]) =>
    window.evaluate(
      ([c, a]) =>
        (
          globalThis as unknown as { selftest: { invoke(c: string, ...a: unknown[]): Promise<unknown> } }
        ).selftest.invoke(c, ...a),
      [channel, args] as const,
    );
  expect(await invoke('fork', ['3', 'a', 'b c'])).toEqual({
    code: 3,
    stdout: 'args a b c parentPort object\n',
    stderr: 'to stderr\n',
    pidAfterExit: null,
  });
  expect(await invoke('fork', ['wait'])).toEqual({ spawned: true });
  // A process ended by kill() exits with 0, as in electron_api_utility_process.cc.
  expect(await invoke('kill')).toEqual({ code: 0 });
});

test('nothing of the stand-in can be packaged or bundled', () => {
  const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const files = /^files:\n((?:\s+- .*\n)+)/m.exec(builder)?.[1] ?? '';
  const patterns = files
    .split('\n')
    .map((l) => l.trim().replace(/^- /, '').replace(/^'|'$/g, ''))
    .filter(Boolean);
  expect(patterns.length).toBeGreaterThan(0);
  // An allow-list: only the build output and package.json go into the app.
  for (const pattern of patterns) expect(pattern).toMatch(/^(!|dist\/|package\.json$)/);
  for (const bundle of ['dist/electron/main.mjs', 'dist/electron/preload.cjs'])
    expect(readFileSync(join(root, bundle), 'utf8')).not.toContain('electron-stand-in');
});

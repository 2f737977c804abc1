// `npm test`: everything (unit, component, type-level, end-to-end), after its own set-up: dependencies, a
// fresh build (the e2e suite drives the built app) and Chromium. Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process';
import { ensureBuild, ensureDependencies, findChromium, root } from './lib/setup.mjs';

const started = Date.now();
ensureDependencies();
await ensureBuild();
const chromium = findChromium({ install: true });

const steps = [
  ['unit and component tests', ['npx', 'vitest', 'run']],
  // One Playwright run for every project: the browser host (chromium), the desktop rehearsal (desktop: the
  // built main process and preload under the Electron stand-in) and real Electron (skipped without a binary).
  ['end-to-end tests in Chromium: browser host and desktop rehearsal', ['npx', 'playwright', 'test']],
];
const failed = [];
for (const [name, [cmd, ...args]] of steps) {
  console.error(`\n[orbdeck] ${name}`);
  // Vite's build (run above when dist/ was stale) sets NODE_ENV=production in this process; React's test
  // helpers only exist in development builds, so the tests get their own NODE_ENV.
  const env = { ...process.env, CHROMIUM_PATH: chromium, NODE_ENV: 'test' };
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) failed.push(name);
}
const took = ((Date.now() - started) / 1000).toFixed(0);
if (failed.length > 0) {
  console.error(`\n[orbdeck] FAILED: ${failed.join(', ')} (${took} s)`);
  process.exit(1);
}
console.error(`\n[orbdeck] All tests passed in ${took} s.`);

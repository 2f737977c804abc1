// `npm test`: everything (type check and type-level tests, lint, unit, component, end-to-end), after its own
// set-up: dependencies, a fresh build (the e2e suite drives the built app) and Chromium. Exits non-zero when
// anything fails.
// Phases that need nothing from each other run at the same time: the type check from the start, the unit and
// component tests as soon as the simulator and the hosts are bundled (while Vite builds the renderer), the
// end-to-end tests once the whole app is built. Each phase's output is shown when it ends, with its time.
import { ensureDependencies, findChromium } from './lib/setup.mjs';
import { runPhase, say, seconds } from './lib/phases.mjs';

const started = performance.now();
ensureDependencies();
const chromium = findChromium({ install: true });
const { buildInStages, buildIsStale } = await import('./lib/build.mjs');

// Vite's build (below, when dist/ is stale) sets NODE_ENV=production in this process; React's test helpers only
// exist in development builds, so the tests get their own NODE_ENV.
const env = { ...process.env, CHROMIUM_PATH: chromium, NODE_ENV: 'test' };

let build = { node: Promise.resolve(0), all: Promise.resolve(0) };
if (buildIsStale()) {
  say('building the app (esbuild, then Vite)…');
  build = buildInStages();
  build.node.catch(() => {}); // reported with `all`
}
const built = build.all.then(
  (ms) => ({ name: 'build', ok: true, ms, output: '' }),
  (error) => ({ name: 'build', ok: false, ms: 0, output: String(error?.stack ?? error) }),
);

const phases = [
  built,
  // tsc -b checks every tsconfig, the type-level tests (*.test-d.ts) included (incremental: a second run only
  // confirms that nothing changed). It and the linters need nothing built, and nothing waits for them: they
  // take the CPU the tests leave idle (a worker waiting for the simulator's clock), never the end-to-end
  // tests' share, which sets the total.
  runPhase('type check and type-level tests (tsc -b)', ['tsc', ['-b']], { env, niceness: 10 }),
  runPhase('lint (ESLint)', ['eslint', ['.']], { env, niceness: 10 }),
  runPhase('format check (Prettier)', ['prettier', ['--check', '.']], { env, niceness: 10 }),
  build.node.then(
    () => runPhase('unit and component tests (vitest)', ['vitest', ['run']], { env }),
    () => ({
      name: 'unit and component tests (vitest)',
      ok: false,
      ms: 0,
      output: 'not run: the build failed',
    }),
  ),
  // One Playwright run for every project: the browser host (chromium), the desktop rehearsal (desktop: the
  // built main process and preload under the Electron stand-in) and real Electron (skipped without a binary).
  build.all.then(
    () => runPhase('end-to-end tests (Playwright)', ['playwright', ['test']], { env }),
    () => ({ name: 'end-to-end tests (Playwright)', ok: false, ms: 0, output: 'not run: the build failed' }),
  ),
];
const results = await Promise.all(phases);

const took = seconds(performance.now() - started);
console.error('');
for (const r of results) say(`${r.ok ? 'passed' : 'FAILED'}  ${r.name}: ${seconds(r.ms)} s`);
const failed = results.filter((r) => !r.ok);
if (failed.length > 0) {
  say(`FAILED: ${failed.map((r) => r.name).join(', ')} (${took} s)`);
  process.exit(1);
}
say(`All tests passed in ${took} s.`);

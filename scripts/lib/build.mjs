// Builds everything the app and the headless host need into dist/. Plain JS so the set-up scripts can load it
// right after `npm ci`; esbuild and vite are imported lazily for the same reason.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = join(root, 'dist');
const stamp = join(dist, '.build-stamp');

// ESM bundles that include CommonJS packages (ws) need a real `require` for Node's built-ins.
const esmBanner =
  "import { createRequire as __orbdeckCreateRequire } from 'node:module';" +
  'const require = __orbdeckCreateRequire(import.meta.url);';

/** Node-side bundles: name → entry, output and format. */
export const nodeBundles = {
  // The app, or with --mcp the MCP program (electron/desktop/entry.ts).
  main: { entry: 'electron/desktop/entry.ts', out: 'dist/electron/main.mjs', format: 'esm' },
  // A sandboxed preload can only require `electron`, so it must be one self-contained CommonJS file.
  preload: { entry: 'electron/desktop/preload.ts', out: 'dist/electron/preload.cjs', format: 'cjs' },
  headless: { entry: 'electron/headless/cli.ts', out: 'dist/headless/serve.mjs', format: 'esm' },
  // The MCP program for agents (npm run mcp).
  mcp: { entry: 'electron/mcp/cli.ts', out: 'dist/mcp/orbdeck-mcp.mjs', format: 'esm' },
  sim: {
    entry: 'tools/orbctl-sim/main.ts',
    out: 'dist/sim/orbctl-sim.mjs',
    format: 'esm',
    executable: true,
  },
  // Tests only (never packaged): the simulator without a process of its own, for the Electron stand-in's
  // utility processes (test/electron-stand-in/lib/utility-in-process.mjs).
  'sim-in-process': {
    entry: 'tools/orbctl-sim/in-process.ts',
    out: 'dist/test/sim-in-process.mjs',
    format: 'esm',
  },
  bench: { entry: 'tools/bench/core/bench.ts', out: 'dist/bench/bench.mjs', format: 'esm' },
  soak: { entry: 'tools/bench/core/soak-core.ts', out: 'dist/bench/soak.mjs', format: 'esm' },
  'bench-memory': { entry: 'tools/bench/core/memory.ts', out: 'dist/bench/memory.mjs', format: 'esm' },
  'bench-static': {
    entry: 'tools/bench/core/static-host.ts',
    out: 'dist/bench/static-host.mjs',
    format: 'esm',
  },
};

const sources = [
  'electron',
  'renderer',
  'shared',
  'tools',
  'package-lock.json',
  'vite.config.ts',
  'scripts/lib/build.mjs',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than any source file. */
export function buildIsStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

/** The bundles among `names` that are missing or older than any source file. */
export function staleNodeBundles(names) {
  const newest = Math.max(...sources.map((s) => newestMtime(join(root, s))));
  return names.filter((name) => {
    const out = join(root, nodeBundles[name].out);
    return !existsSync(out) || statSync(out).mtimeMs < newest;
  });
}

function version() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

export async function buildNode(names = Object.keys(nodeBundles)) {
  const esbuild = await import('esbuild');
  await Promise.all(
    names.map(async (name) => {
      const b = nodeBundles[name];
      const out = join(root, b.out);
      await esbuild.build({
        entryPoints: [join(root, b.entry)],
        outfile: out,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: b.format,
        external: ['electron'],
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel: 'warning',
        define: { ORBDECK_VERSION: JSON.stringify(version()) },
        banner: { js: (b.executable ? '#!/usr/bin/env node\n' : '') + (b.format === 'esm' ? esmBanner : '') },
      });
      if (b.executable) chmodSync(out, 0o755);
    }),
  );
}

export async function buildRenderer() {
  const vite = await import('vite');
  await vite.build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * The whole build in two stages a caller can wait for apart: `node`, the esbuild bundles (the simulator and the
 * hosts: all the unit tests need), and `all`, the renderer too. Each resolves with the milliseconds it took.
 */
export function buildInStages() {
  const started = performance.now();
  const node = buildNode();
  const all = Promise.all([node, buildRenderer()]).then(() => {
    // Tray icons and the app icon, next to main.mjs.
    cpSync(join(root, 'electron', 'assets'), join(dist, 'electron', 'assets'), { recursive: true });
    mkdirSync(dist, { recursive: true });
    writeFileSync(stamp, new Date().toISOString() + '\n');
    return performance.now() - started;
  });
  return { node: node.then(() => performance.now() - started), all };
}

export function buildAll() {
  const { node, all } = buildInStages();
  node.catch(() => {}); // reported through `all`
  return all;
}

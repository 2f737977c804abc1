// `npm run mcp`: OrbDeck's MCP server for agents, on stdin and stdout (dist/mcp/orbdeck-mcp.mjs). Builds what it
// runs when the sources changed, and says anything for people on stderr: stdout carries only MCP messages.
// Run it as `npm run --silent mcp -- [--demo]` (npm's own banner line would go to stdout otherwise).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_ENV, HOST_NODE_ARGS } from './lib/host-flags.mjs';
import { root } from './lib/setup.mjs';

const say = (line) => process.stderr.write(`[orbdeck] ${line}\n`);

const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs) {
  say('Installing dependencies (npm ci)…');
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (installed.status !== 0) process.exit(1);
}
const { buildIsStale, buildNode, buildRenderer } = await import('./lib/build.mjs');
const program = join(root, 'dist/mcp/orbdeck-mcp.mjs');
if (!existsSync(program) || buildIsStale()) await buildNode(['mcp', 'sim']);
// The page a person opens to watch an OrbDeck the MCP program started.
if (!existsSync(join(root, 'dist/renderer/index.html'))) {
  say('Building the window…');
  await buildRenderer();
}
const child = spawn(process.execPath, [...HOST_NODE_ARGS, program, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...HOST_ENV, ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

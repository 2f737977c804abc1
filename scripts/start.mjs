// `npm start` / `npm run demo`: set up, then open the desktop app; where no Electron runtime can run, say so in
// one line and serve the same UI to a browser instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HOST_ENV, HOST_NODE_ARGS } from './lib/host-flags.mjs';
import { electronRuntime, ensureBuild, ensureDependencies, root, tryDownloadElectron } from './lib/setup.mjs';

const args = process.argv.slice(2);
if (process.env.npm_config_demo === 'true' && !args.includes('--demo')) args.push('--demo');

ensureDependencies();
await ensureBuild();

let runtime = electronRuntime();
if (!runtime.path && runtime.reason === 'no Electron binary has been downloaded' && tryDownloadElectron()) {
  runtime = electronRuntime();
}

const child = runtime.path
  ? spawn(runtime.path, [root, ...args], { stdio: 'inherit' })
  : (console.log(`No Electron runtime here (${runtime.reason}); serving OrbDeck to your browser instead.`),
    spawn(process.execPath, [...HOST_NODE_ARGS, join(root, 'dist/headless/serve.mjs'), ...args], {
      stdio: 'inherit',
      env: { ...HOST_ENV, ...process.env },
    }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

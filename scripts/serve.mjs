// `npm run serve`: the headless host (the built renderer + the core over a WebSocket on 127.0.0.1).
// Accepts its flags after `--` (npm run serve -- --demo --port 0) and, for convenience, as npm config flags
// (npm run serve --demo), which npm hands over as npm_config_* variables.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HOST_ENV, HOST_NODE_ARGS } from './lib/host-flags.mjs';
import { ensureBuild, ensureDependencies, root } from './lib/setup.mjs';

const args = process.argv.slice(2);
const env = process.env;
if (env.npm_config_demo === 'true' && !args.includes('--demo')) args.push('--demo');
// `npm run serve --port 0` reaches us as npm_config_port=true plus a stray "0".
if (env.npm_config_port === 'true' && /^\d+$/.test(args[0] ?? '')) args.push('--port', args.shift());
else if (env.npm_config_port && env.npm_config_port !== 'true' && !args.includes('--port'))
  args.push('--port', env.npm_config_port);
if (env.npm_config_open === 'false' && !args.includes('--no-open')) args.push('--no-open');

ensureDependencies();
await ensureBuild();
const child = spawn(process.execPath, [...HOST_NODE_ARGS, join(root, 'dist/headless/serve.mjs'), ...args], {
  stdio: 'inherit',
  env: { ...HOST_ENV, ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

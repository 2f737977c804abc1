// `npm run soak`: minutes of thousands of operations on the whole core (dist/bench/soak.mjs); prints memory and
// handles over time and the jobs lost or stuck. SOAK_MINUTES sets the length (default 3).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HOST_ENV, HOST_NODE_ARGS } from '../../scripts/lib/host-flags.mjs';
import { ensureBuild, ensureDependencies, root } from '../../scripts/lib/setup.mjs';

ensureDependencies();
await ensureBuild();
// Started as the headless host is, so the memory it prints is the host's.
const result = spawnSync(
  process.execPath,
  [...HOST_NODE_ARGS, '--expose-gc', join(root, 'dist/bench/soak.mjs')],
  {
    cwd: root,
    env: { ...HOST_ENV, ...process.env },
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);

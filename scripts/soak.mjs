// `npm run soak`: minutes of thousands of operations on the whole core (dist/bench/soak.mjs); prints memory and
// handles over time and the jobs lost or stuck. SOAK_MINUTES sets the length (default 3).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, root } from './lib/setup.mjs';

ensureDependencies();
await ensureBuild();
const result = spawnSync(process.execPath, ['--expose-gc', join(root, 'dist/bench/soak.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

// `npm run bench`: core benchmarks (dist/bench/bench.mjs) then the UI ones in Chromium. Each prints ratios
// against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, findChromium, root } from './lib/setup.mjs';

ensureDependencies();
await ensureBuild();
const steps = [[join(root, 'dist/bench/bench.mjs')]];
if (findChromium()) steps.push([join(root, 'scripts/bench-ui.mjs')]);
else console.log('No Chromium: skipping the UI benchmarks (apt-get install chromium, or set CHROMIUM_PATH).');
for (const args of steps) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

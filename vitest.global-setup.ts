// The tests that run the simulator as a real process use its built executable, and one test runs the headless
// host's entry point, so both are built before any test starts, unless they are already newer than every
// source (`npm test` builds them first). esbuild makes a build take well under a second.
import { buildNode, staleNodeBundles } from './scripts/lib/build.mjs';

export default async function setup(): Promise<void> {
  const stale = staleNodeBundles(['sim', 'headless']);
  if (stale.length > 0) await buildNode(stale);
}

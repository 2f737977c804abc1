// The tests that run the simulator as a real process use its built executable, one test runs the headless
// host's entry point and one the MCP program's, so these are built before any test starts, unless they are
// already newer than every source (`npm test` builds them first). esbuild makes a build take well under a second.
import { buildNode, staleNodeBundles } from './scripts/lib/build.mjs';

export default async function setup(): Promise<void> {
  const stale = staleNodeBundles(['sim', 'headless', 'mcp']);
  if (stale.length > 0) await buildNode(stale);
}

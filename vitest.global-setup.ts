// The adapter's tests run the real simulator as a process, and one test runs the headless host's entry
// point and one the MCP program's, so these are built before any test starts.
// esbuild makes this take well under a second.
import { buildNode } from './scripts/lib/build.mjs';

export default async function setup(): Promise<void> {
  await buildNode(['sim', 'headless', 'mcp']);
}

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadlessHost } from '../../electron/headless/start-host';
import { inProcessLauncher } from '../../test/helpers/in-process-launcher';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIST = join(root, 'dist');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

export interface InProcessHostOptions {
  dataDir: string;
  /** The whole environment of the core (nothing of this process's is added). */
  env: Record<string, string | undefined>;
  /** A line about a misbehaving client. */
  log: (line: string) => void;
}

export interface RunningHost {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The headless host in the test's own worker process: what `serve.mjs --demo` starts (electron/headless/
 * start-host.ts: the core, the server with the built renderer, the agent endpoint), with the simulator called in
 * this process (test/helpers/in-process-launcher.ts) instead of a Node process per orbctl call. Each test still
 * gets its own core, server, simulator state and data folder; only the process is shared.
 */
export async function startInProcessHost(options: InProcessHostOptions): Promise<RunningHost> {
  const host = await startHeadlessHost({
    version: VERSION,
    demo: true,
    port: 0,
    distDir: DIST,
    dataDir: options.dataDir,
    env: options.env,
    simLauncher: inProcessLauncher(join(DIST, 'sim/orbctl-sim.mjs')),
    log: options.log,
  });
  return { url: host.url, stop: () => host.close() };
}

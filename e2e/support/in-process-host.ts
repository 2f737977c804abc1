import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../electron/core/app-core';
import { startHeadlessServer, UploadStore } from '../../electron/headless';
import { inProcessLauncher } from '../../test/helpers/in-process-launcher';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RENDERER = join(root, 'dist/renderer');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

export interface InProcessHostOptions {
  dataDir: string;
  /** The whole environment of the core (nothing of this process's is added). */
  env: Record<string, string | undefined>;
  /** The built simulator: orbctl in demo mode, called in this process. */
  simBinary: string;
  /** A line about a misbehaving client. */
  log: (line: string) => void;
}

export interface RunningHost {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The headless host in the test's own worker process: the same core and server that `serve.mjs --demo` wires
 * up (electron/headless/cli.ts), serving the built renderer, with the simulator called in this process
 * (test/helpers/in-process-launcher.ts) instead of a Node process per orbctl call. Each test still gets its
 * own core, server, simulator state and data folder; only the process is shared.
 */
export async function startInProcessHost(options: InProcessHostOptions): Promise<RunningHost> {
  const uploads = new UploadStore(join(options.dataDir, 'uploads'));
  const core = createCore({
    version: VERSION,
    dataDir: options.dataDir,
    demo: true,
    simBinary: options.simBinary,
    simLauncher: inProcessLauncher(options.simBinary),
    env: options.env,
    uploads,
    startsVisible: false,
  });
  const server = await startHeadlessServer({
    router: core.router,
    events: core.events,
    staticDir: RENDERER,
    port: 0,
    uploads,
    onClientGone: (client) => core.clientGone(client),
    log: (line) => {
      options.log(line);
      core.timing.note('WARN', `Headless host: ${line}`);
    },
  });
  return {
    url: server.url,
    async stop() {
      await server.close();
      await core.dispose();
    },
  };
}

// The headless host as a whole: the core, the renderer and the router over a WebSocket on 127.0.0.1, and the
// agent endpoint beside them. `npm run serve` starts it (cli.ts), and so does the MCP program when no OrbDeck runs.
import { join } from 'node:path';
import { openAgentEndpoint, type AgentEndpoint } from '../agent-endpoint/open-endpoint';
import { createCore, type Core } from '../core/app-core';
import type { ProcessLauncher } from '../core/orbctl/launcher';
import { defaultDataDir } from '../core/platform/data-dir';
import { startHeadlessServer } from './server';
import { UploadStore } from './uploads';

export interface HeadlessHostOptions {
  demo: boolean;
  /** 0 = any free port. */
  port: number;
  /** The built app (dist/): the simulator and the renderer are found in it. */
  distDir: string;
  version: string;
  dataDir?: string;
  /** The environment orbctl runs with (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** How the simulator is started in demo mode (default: as a process; tests call it in their own). */
  simLauncher?: ProcessLauncher;
  /** Also told every line the host logs about a misbehaving client or endpoint. */
  log?: (line: string) => void;
}

export interface HeadlessHost {
  /** The address to open, token included. */
  readonly url: string;
  readonly core: Core;
  readonly endpoint: AgentEndpoint;
  close(): Promise<void>;
}

export async function startHeadlessHost(options: HeadlessHostOptions): Promise<HeadlessHost> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const uploads = new UploadStore(join(dataDir, 'uploads'));
  const core = createCore({
    version: options.version,
    dataDir,
    demo: options.demo,
    simBinary: join(options.distDir, 'sim/orbctl-sim.mjs'),
    ...(options.env ? { env: options.env } : {}),
    ...(options.simLauncher ? { simLauncher: options.simLauncher } : {}),
    uploads,
    startsVisible: false,
  });
  const log = (line: string) => {
    options.log?.(line);
    core.timing.note('WARN', `Headless host: ${line}`);
  };
  const server = await startHeadlessServer({
    router: core.router,
    events: core.events,
    staticDir: join(options.distDir, 'renderer'),
    port: options.port,
    uploads,
    onClientGone: (client) => core.clientGone(client),
    log,
  });
  const endpoint = openAgentEndpoint({
    router: core.router,
    events: core.events,
    settings: core.settings,
    dataDir,
    host: 'headless',
    demo: options.demo,
    log,
  });
  await endpoint.settled();
  return {
    url: server.url,
    core,
    endpoint,
    async close() {
      await endpoint.close();
      await server.close();
      await core.dispose();
    },
  };
}

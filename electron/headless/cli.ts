// The headless host's entry point (dist/headless/serve.mjs): the whole core plus the renderer, served on
// 127.0.0.1 to a browser. It prints exactly one line on stdout: the URL to open.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app-core';
import { defaultDataDir } from '../core/platform/data-dir';
import { parseHeadlessArgs, USAGE } from './args';
import { openBrowser } from './open-browser';
import { startHeadlessServer } from './server';
import { UploadStore } from './uploads';

declare const ORBDECK_VERSION: string;

async function main(): Promise<void> {
  let args;
  try {
    args = parseHeadlessArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  if (args.help) {
    console.error(USAGE);
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = defaultDataDir();
  const uploads = new UploadStore(join(dataDir, 'uploads'));
  const core = createCore({
    version: typeof ORBDECK_VERSION === 'string' ? ORBDECK_VERSION : '0.0.0',
    dataDir,
    demo: args.demo,
    simBinary: join(here, '../sim/orbctl-sim.mjs'),
    uploads,
    startsVisible: false,
  });
  const server = await startHeadlessServer({
    router: core.router,
    events: core.events,
    staticDir: join(here, '../renderer'),
    port: args.port,
    uploads,
    onClientGone: (client) => core.clientGone(client),
    log: (line) => core.timing.note('WARN', `Headless host: ${line}`),
  });
  console.log(`OrbDeck${args.demo ? ' (demo)' : ''} is ready at ${server.url}`);
  if (args.open) openBrowser(server.url);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main().catch((error: unknown) => {
  console.error(`OrbDeck could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// The headless host's entry point (dist/headless/serve.mjs): the whole core plus the renderer, served on
// 127.0.0.1 to a browser. It prints exactly one line on stdout: the URL to open.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeadlessArgs, USAGE } from './args';
import { openBrowser } from './open-browser';
import { startHeadlessHost } from './start-host';

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
  const host = await startHeadlessHost({
    version: typeof ORBDECK_VERSION === 'string' ? ORBDECK_VERSION : '0.0.0',
    demo: args.demo,
    port: args.port,
    distDir: join(here, '..'),
  });
  console.log(`OrbDeck${args.demo ? ' (demo)' : ''} is ready at ${host.url}`);
  if (args.open) openBrowser(host.url);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main().catch((error: unknown) => {
  console.error(`OrbDeck could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

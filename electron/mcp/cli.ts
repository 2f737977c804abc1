// The MCP program's entry point (dist/mcp/orbdeck-mcp.mjs, `npm run mcp`): an MCP server on stdin/stdout that
// reaches OrbDeck through its agent endpoint. stdout carries only MCP messages; words for people go to stderr.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../agent-endpoint/endpoint-file';
import { parseMcpArgs, MCP_USAGE } from './args';
import { OrbDeckLink } from './orbdeck-link';
import { serveMcp } from './serve';

declare const ORBDECK_VERSION: string;

async function main(): Promise<void> {
  let args;
  try {
    args = parseMcpArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stderr.write(`${MCP_USAGE}\n`);
    return;
  }
  const version = typeof ORBDECK_VERSION === 'string' ? ORBDECK_VERSION : '0.0.0';
  const say = (line: string) => process.stderr.write(`OrbDeck: ${line}\n`);
  const link = new OrbDeckLink({
    dataDir: defaultDataDir(),
    demo: args.demo,
    distDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
    version,
    say,
  });
  await serveMcp({ link, version, input: process.stdin, output: process.stdout, say });
  process.exit(0);
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `OrbDeck MCP could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

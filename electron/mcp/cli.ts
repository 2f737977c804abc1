// The MCP program's entry point (dist/mcp/orbdeck-mcp.mjs, `npm run mcp`): an MCP server on stdin/stdout that
// reaches OrbDeck through its agent endpoint. stdout carries only MCP messages; words for people go to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../agent-endpoint/endpoint-file';
import { parseMcpArgs, MCP_USAGE } from './args';
import { createMcpServer } from './mcp-server';
import { OrbDeckLink } from './orbdeck-link';

declare const ORBDECK_VERSION: string;

/** The largest message read from the client: a file copied in by content (4 MiB as base64) and some room. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

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
  const link = new OrbDeckLink({
    dataDir: defaultDataDir(),
    demo: args.demo,
    distDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
    version,
    say: (line) => process.stderr.write(`OrbDeck: ${line}\n`),
  });
  // Find (or start) OrbDeck now, so a problem is said at once rather than at the first call.
  await link.client();
  const server = createMcpServer(version, () => link.client());
  const transport = new StdioServerTransport(process.stdin, process.stdout, {
    maxBufferSize: MAX_MESSAGE_BYTES,
  });
  transport.onerror = (error) => process.stderr.write(`OrbDeck MCP: ${error.message}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close().catch(() => undefined);
    await link.close();
    process.exit(0);
  };
  transport.onclose = () => void stop();
  process.stdin.on('end', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await server.connect(transport);
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `OrbDeck MCP could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

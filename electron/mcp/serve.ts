/**
 * Serves OrbDeck's MCP server on a pair of streams (stdin and stdout) until the client goes: the program of
 * `npm run mcp` (cli.ts) and the desktop app started with --mcp both run this.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Readable, Writable } from 'node:stream';
import { createMcpServer } from './mcp-server';
import type { OrbDeckLink } from './orbdeck-link';

/** The largest message read from the client: a file copied in by content (4 MiB as base64) and some room. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export interface ServeOptions {
  link: OrbDeckLink;
  version: string;
  input: Readable;
  output: Writable;
  /** Words for people (stderr). */
  say(line: string): void;
}

/** Resolves when the client has gone and the link (and any OrbDeck started for it) is closed. */
export async function serveMcp(options: ServeOptions): Promise<void> {
  const { link } = options;
  // Find (or start) OrbDeck now, so a problem is said at once rather than at the first call.
  await link.client();
  const server = createMcpServer(options.version, () => link.client());
  const transport = new StdioServerTransport(options.input, options.output, {
    maxBufferSize: MAX_MESSAGE_BYTES,
  });
  transport.onerror = (error) => options.say(`MCP: ${error.message}`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void server
        .close()
        .catch(() => undefined)
        .then(() => link.close())
        .finally(resolve);
    };
    transport.onclose = stop;
    options.input.on('end', stop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void server.connect(transport);
  });
}

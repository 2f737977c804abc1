/**
 * OrbDeck's MCP server: the tools (read-tools.ts, sandbox-tools.ts) over the official SDK, each call answered with
 * what OrbDeck did or why it refused. At most MAX_CALLS calls run at once; one more is told so at once rather than
 * queued without bound.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../../shared/errors';
import type { AgentClient } from '../agent-endpoint/client';
import { READ_TOOLS } from './read-tools';
import { SANDBOX_TOOLS } from './sandbox-tools';
import type { Tool } from './tool-kit';

export const MAX_CALLS = 8;
export const TOOLS: readonly Tool[] = [...READ_TOOLS, ...SANDBOX_TOOLS];

const INSTRUCTIONS =
  'OrbDeck manages OrbStack’s Linux machines on this Mac. Agents may read every machine, and change sandboxes ' +
  'only: isolated machines with a golden checkpoint that reset_sandbox goes back to. Create one with ' +
  'create_sandbox, work in it with run_in_sandbox and the copy tools, reset it when you want a clean state. The ' +
  'person sees every call in OrbDeck’s Activity and History.';

export function createMcpServer(version: string, client: () => Promise<AgentClient>): McpServer {
  const server = new McpServer({ name: 'orbdeck', version }, { instructions: INSTRUCTIONS });
  let running = 0;
  for (const t of TOOLS) {
    server.registerTool(
      t.name,
      {
        title: t.title,
        description: t.description,
        inputSchema: t.input,
        annotations: {
          readOnlyHint: t.readOnly,
          destructiveHint: t.destructive ?? false,
          openWorldHint: false,
        },
      },
      async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
        if (running >= MAX_CALLS) {
          return refused(
            `OrbDeck is already answering ${MAX_CALLS} calls of this client; wait for one to end.`,
          );
        }
        running++;
        const token = extra._meta?.progressToken;
        let step = 0;
        const progress = (message: string) => {
          if (token === undefined) return;
          void extra
            .sendNotification({
              method: 'notifications/progress',
              params: { progressToken: token, progress: ++step, message },
            })
            .catch(() => undefined);
        };
        try {
          const text = await t.run(args, { client, signal: extra.signal, progress });
          return { content: [{ type: 'text', text }] };
        } catch (error) {
          return refused(
            error instanceof AppError ? `${error.message} (${error.code})` : (error as Error).message,
          );
        } finally {
          running--;
        }
      },
    );
  }
  return server;
}

const refused = (text: string): CallToolResult => ({ content: [{ type: 'text', text }], isError: true });

export interface McpArgs {
  demo: boolean;
  help: boolean;
}

export const MCP_USAGE = `Usage: npm run mcp -- [--demo]

An MCP server on stdin and stdout for agents (Claude Desktop, any MCP client). It talks to the OrbDeck that
runs (the desktop app or npm run serve); where none runs it starts one itself and says where to watch it.

  --demo   use OrbDeck's demo (the built-in orbctl simulator) instead of OrbStack`;

/** Parses the MCP program's flags; throws with a message for anything else. */
export function parseMcpArgs(argv: readonly string[]): McpArgs {
  const args: McpArgs = { demo: false, help: false };
  for (const arg of argv) {
    if (arg === '--demo') args.demo = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else throw new Error(`Unknown option ${arg}.\n\n${MCP_USAGE}`);
  }
  return args;
}

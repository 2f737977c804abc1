// The desktop app's entry point (dist/electron/main.mjs): the app itself, or, started with --mcp, the MCP program
// for agents (mcp-mode.ts). Each is loaded only when it is the one asked for.
if (process.argv.includes('--mcp')) void import('./mcp-mode');
else void import('./main');

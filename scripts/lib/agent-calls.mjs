// An agent's few calls through OrbDeck's MCP program (the SDK's client over stdio), for the screenshots: the
// OrbDeck the program finds is the one whose data folder is `dataDir`.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { join } from 'node:path';
import { root } from './setup.mjs';

export async function showAgentsWork(dataDir) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(root, 'dist/mcp/orbdeck-mcp.mjs'), '--demo'],
    env: { ...process.env, ORBDECK_DATA_DIR: dataDir },
    stderr: 'inherit',
  });
  const client = new Client({ name: 'orbdeck-screenshots', version: '1.0.0' });
  await client.connect(transport);
  const call = (name, args) => client.callTool({ name, arguments: args }, undefined, { timeout: 60_000 });
  await call('list_sandboxes', {});
  await call('copy_into_sandbox', { sandbox: 'sandbox', path: 'plan.md', text: '# Try the upgrade\n' });
  await call('run_in_sandbox', { sandbox: 'sandbox', command: 'cat plan.md && uname -sr' });
  await call('run_in_sandbox', { sandbox: 'ubuntu', command: 'echo outside the sandbox' });
  await call('reset_sandbox', { sandbox: 'sandbox' });
  await client.close();
}

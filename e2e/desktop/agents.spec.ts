import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quickEnv } from '../support/env';
import { STAND_IN } from './support/desktop-app';
import { expect, test } from './support/fixtures';

// The desktop app serves agents: its main process opens the agent endpoint, and an MCP client reaches it through
// the MCP program (npm run mcp) or through the app itself started with --mcp; the person sees every call in the
// window's History.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const textOf = (result: unknown) =>
  ((result as CallToolResult).content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('');
const environment = (extra: Record<string, string>) => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(quickEnv())) if (v !== undefined) env[k] = v;
  return { ...env, ...extra };
};

test('an MCP client reaches the running app, which refuses what is not a sandbox and shows every call', async ({
  app,
  window,
}) => {
  const file = join(app.home.dataDir, 'agent-endpoint.json');
  await expect.poll(() => existsSync(file)).toBe(true);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ host: 'desktop', demo: true, pid: app.pid });

  for (const command of [
    // npm run mcp's program …
    { command: process.execPath, args: [join(root, 'dist/mcp/orbdeck-mcp.mjs'), '--demo'] },
    // … and the desktop app itself, as a packaged app is configured (here under the Electron stand-in).
    {
      command: process.execPath,
      args: ['--import', join(STAND_IN, 'register.mjs'), join(STAND_IN, 'cli.mjs'), root, '--mcp', '--demo'],
    },
  ]) {
    let stderr = '';
    const transport = new StdioClientTransport({
      ...command,
      cwd: root,
      env: environment(app.home.env({ ELECTRON_STAND_IN_RECORDS: join(app.home.home, 'mcp-records.jsonl') })),
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d) => (stderr += String(d)));
    const client = new Client({ name: 'desktop-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const listed = await client.callTool({ name: 'list_machines', arguments: {} });
      expect(JSON.parse(textOf(listed)).map((m: { name: string }) => m.name)).toContain('ubuntu');
      const refused = await client.callTool({
        name: 'run_in_sandbox',
        arguments: { sandbox: 'ubuntu', command: 'echo from an agent' },
      });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/^ubuntu is not a sandbox/);
    } finally {
      await client.close();
    }
    // It used the app that runs: it started no OrbDeck of its own.
    expect(stderr).not.toMatch(/was started|was opened/);
  }

  await window.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'History' }).click();
  const refusals = window.getByRole('listitem', {
    name: 'Agent asked to run “echo from an agent” in ubuntu: refused',
  });
  await expect(refusals).toHaveCount(2);
  await expect(refusals.first()).toContainText('Agent');
  await expect(window.getByRole('listitem', { name: 'Agent read the machine list' })).toHaveCount(2);
});

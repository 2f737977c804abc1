import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/jobs';
import { AGENT_RULES } from '../core/sandboxes/agent-gate';
import { TOOLS } from './mcp-server';

// An MCP client (the official SDK's, over stdio) against `npm run mcp -- --demo` on a machine where no OrbDeck
// runs: the MCP program starts one itself, and every call the client makes is in its History.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLOUD_INIT = '#cloud-config\nruncmd:\n  - echo ready\n';
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => rmSync(f, { recursive: true, force: true })));

function environment(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  delete env.NODE_EXTRA_CA_CERTS; // doubles every Node start-up here
  return { ...env, ORBDECK_DATA_DIR: dataDir, ORBCTL_SIM_SPEED: '40', ORBCTL_SIM_CLOUD_INIT_MS: '1500' };
}

const textOf = (result: unknown) =>
  ((result as CallToolResult).content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('');

describe('the MCP program', () => {
  it('lets an agent create, use and reset a sandbox, refuses it everything else, and the person sees every call', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-mcp-'));
    folders.push(dataDir);
    // npm's --silent keeps its banner off stdout, which carries only MCP messages.
    const transport = new StdioClientTransport({
      command: 'npm',
      args: ['run', '--silent', 'mcp', '--', '--demo'],
      cwd: root,
      env: environment(dataDir),
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d) => (stderr += String(d)));
    const client = new Client({ name: 'orbdeck-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const call = (name: string, args: Record<string, unknown> = {}) =>
        client.callTool({ name, arguments: args }, undefined, { timeout: 90_000 });

      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(TOOLS.map((t) => t.name).sort());
      expect(tools.find((t) => t.name === 'delete_sandbox')?.annotations?.destructiveHint).toBe(true);
      expect(stderr).toMatch(
        /No OrbDeck was running, so one was started for this agent \(demo\)\. Watch what the agent does at http:\/\/127\.0\.0\.1:\d+\//,
      );

      const created = await call('create_sandbox', { name: 'agent-box', cloud_init: CLOUD_INIT });
      expect(created.isError).toBeFalsy();
      expect(JSON.parse(textOf(created))).toMatchObject({ name: 'agent-box', state: 'ready' });

      const hello = await call('run_in_sandbox', { sandbox: 'agent-box', command: 'echo hello' });
      expect(textOf(hello)).toMatch(/^exit code: 0\n\nstdout:\nhello\n/);
      expect(
        textOf(await call('copy_into_sandbox', { sandbox: 'agent-box', path: 'notes.txt', text: 'draft\n' })),
      ).toMatch(/^Wrote 6 bytes/);
      expect(textOf(await call('copy_from_sandbox', { sandbox: 'agent-box', path: 'notes.txt' }))).toBe(
        'draft\n',
      );

      const reset = await call('reset_sandbox', { sandbox: 'agent-box' });
      expect(textOf(reset)).toBe('agent-box is back at “Golden (sandbox)”.');
      const gone = await call('run_in_sandbox', { sandbox: 'agent-box', command: 'cat notes.txt' });
      expect(textOf(gone)).toMatch(/^exit code: 1\n[\s\S]*No such file or directory/);

      const deleteOther = await call('delete_sandbox', { sandbox: 'ubuntu' });
      expect(deleteOther.isError).toBe(true);
      expect(textOf(deleteOther)).toBe(
        'ubuntu is not a sandbox: agents change sandboxes only (they can read every machine). (FORBIDDEN)',
      );
      const runOther = await call('run_in_sandbox', { sandbox: 'ubuntu', command: 'rm -rf ~' });
      expect(runOther.isError).toBe(true);
      expect(textOf(runOther)).toMatch(/^ubuntu is not a sandbox/);

      // Unknown tools and bad arguments are clear errors, and nothing reaches OrbDeck.
      const unknown = await call('format_disk', {});
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toMatch(/Tool format_disk not found/);
      const huge = await call('run_in_sandbox', { sandbox: 'agent-box', command: 'x'.repeat(9000) });
      expect(huge.isError).toBe(true);
      expect(textOf(huge)).toMatch(/Input validation error/);
    } finally {
      await client.close();
    }

    // The MCP program quits with its client, and its OrbDeck with it: the history is on disk.
    const file = join(dataDir, 'history.jsonl');
    await expect
      .poll(() => !existsSync(join(dataDir, 'agent-endpoint.json')), { timeout: 20_000 })
      .toBe(true);
    const history = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as HistoryEntry);
    const agents = history.filter((e) => e.by === 'agent').map((e) => `${e.state}: ${e.title}`);
    expect(agents).toEqual([
      expect.stringMatching(/^succeeded: Create sandbox agent-box/),
      'succeeded: Agent read the sandboxes',
      'succeeded: Run “echo hello” in agent-box',
      'succeeded: Copy notes.txt into sandbox agent-box',
      'succeeded: Copy notes.txt out of sandbox agent-box',
      'succeeded: Reset sandbox agent-box to its golden checkpoint',
      'failed: Run “cat notes.txt” in agent-box',
      'failed: Agent asked to delete ubuntu: refused',
      'failed: Agent asked to run “rm -rf ~” in ubuntu: refused',
    ]);
  }, 180_000);

  it('calls only channels the core lets agents use', () => {
    const unknown = TOOLS.flatMap((t) =>
      t.channels.filter((c) => !AGENT_RULES[c]).map((c) => `${t.name}: ${c}`),
    );
    expect(unknown).toEqual([]);
  });
});

// The desktop app started with --mcp (what an MCP client's configuration runs, since the packaged app cannot run
// Node scripts): no window, no Dock icon, no single-instance lock, but the MCP program on stdin and stdout. It
// talks to the OrbDeck app that runs, and launches it (as itself, without --mcp) where none does, so the person
// sees every step the agent takes.
import { app } from 'electron';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrbDeckLink } from '../mcp/orbdeck-link';
import { serveMcp } from '../mcp/serve';

const here = dirname(fileURLToPath(import.meta.url));
const demo = process.argv.includes('--demo') || process.env.ORBDECK_DEMO === '1';
const say = (line: string) => process.stderr.write(`OrbDeck: ${line}\n`);
app.dock?.hide();

/** The app as the person would start it: the same program and flags, without --mcp, on its own. */
function launchTheApp(): void {
  const args = process.argv.slice(1).filter((arg) => arg !== '--mcp');
  spawn(process.execPath, args, { detached: true, stdio: 'ignore' }).unref();
  say('OrbDeck was not running, so it was opened.');
}

const link = new OrbDeckLink({
  dataDir: process.env.ORBDECK_DATA_DIR || app.getPath('userData'),
  demo,
  distDir: join(here, '..'),
  version: app.getVersion(),
  say,
  start: async () => {
    launchTheApp();
    return null;
  },
});
void serveMcp({ link, version: app.getVersion(), input: process.stdin, output: process.stdout, say }).then(
  () => app.exit(0),
  (error: unknown) => {
    say(`the MCP program could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  },
);

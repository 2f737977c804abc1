/**
 * Finds the OrbDeck the MCP program talks to: the one running (the desktop app or a headless host, found by the
 * endpoint file in the data folder), or, where none runs, a headless host started here, in this process, whose
 * address is said on stderr so the person can watch what the agent does. A lock file keeps two MCP programs that
 * start at once from starting two.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readEndpointFile, type EndpointInfo } from '../agent-endpoint/endpoint-file';
import { startHeadlessHost, type HeadlessHost } from '../headless';

export interface FindOptions {
  dataDir: string;
  demo: boolean;
  distDir: string;
  version: string;
  /** Where lines for the person go (stderr: stdout carries the MCP messages). */
  say(line: string): void;
  /**
   * How OrbDeck is started where none runs: by default a headless host in this process; the desktop app started
   * with --mcp launches itself instead (and answers null: its endpoint file says when it is up).
   */
  start?: () => Promise<HeadlessHost | null>;
}

export interface Found {
  endpoint: EndpointInfo;
  /** The host started here, if one was. */
  host: HeadlessHost | null;
}

const LOCK = 'agent-host.lock';
const WAIT_MS = 30_000;

export async function findOrStartOrbDeck(options: FindOptions): Promise<Found> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const running = readEndpointFile(options.dataDir);
    if (running) return { endpoint: checkMode(running, options.demo), host: null };
    if (agentsTurnedOff(options.dataDir)) {
      throw new Error('Agents are turned off in OrbDeck’s Settings (“Let agents use OrbDeck”).');
    }
    const lock = takeLock(options.dataDir);
    if (lock) {
      try {
        return await startHere(options);
      } finally {
        lock();
      }
    }
    // Another MCP program is starting one: wait for its endpoint.
    if (Date.now() > deadline)
      throw new Error('Another OrbDeck is starting and did not open its endpoint in time.');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function startHere(options: FindOptions): Promise<Found> {
  if (options.start) {
    await options.start();
    const deadline = Date.now() + WAIT_MS;
    for (let endpoint = readEndpointFile(options.dataDir); ; endpoint = readEndpointFile(options.dataDir)) {
      if (endpoint) return { endpoint, host: null };
      if (Date.now() > deadline)
        throw new Error('OrbDeck was started but did not open its agent endpoint in time.');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const host = await startHeadlessHost({
    demo: options.demo,
    port: 0,
    distDir: options.distDir,
    version: options.version,
    dataDir: options.dataDir,
  });
  const endpoint = readEndpointFile(options.dataDir);
  if (!endpoint) {
    await host.close();
    throw new Error('OrbDeck started, but its agent endpoint did not open (see its log in the data folder).');
  }
  options.say(
    `No OrbDeck was running, so one was started for this agent${options.demo ? ' (demo)' : ''}. ` +
      `Watch what the agent does at ${host.url}`,
  );
  return { endpoint, host };
}

/** `--demo` asks for the simulator: a running OrbDeck that drives the real OrbStack is not what was asked for. */
function checkMode(endpoint: EndpointInfo, demo: boolean): EndpointInfo {
  if (demo && !endpoint.demo) {
    throw new Error(
      'The OrbDeck running now drives OrbStack, not the demo: leave out --demo to use it, or quit it first.',
    );
  }
  return endpoint;
}

function agentsTurnedOff(dataDir: string): boolean {
  try {
    const settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    return settings.agentEndpoint === false;
  } catch {
    return false;
  }
}

/** The lock's release, or null when another live process holds it. A lock whose process is gone is taken over. */
function takeLock(dataDir: string): (() => void) | null {
  const file = join(dataDir, LOCK);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch {
      const holder = Number(readText(file).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) return null;
      rmSync(file, { force: true });
    }
  }
  return null;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

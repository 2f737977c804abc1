/**
 * Helpers for the adapter's tests: temp folders, small fake executables (node scripts with a shebang) and a
 * look at the process table. Not used by product code.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

export function tempDir(prefix = 'orbdeck-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes an executable node script. `body` is plain JavaScript (ESM). */
export function writeScript(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/usr/bin/env node\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

export interface FakeBehaviour {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  /** Never exit on its own. */
  hang?: boolean;
  /** Keep running after SIGINT (so only SIGKILL stops it). */
  ignoreSigint?: boolean;
  /** Start a grandchild that sleeps, and write its pid here. */
  grandchildPidFile?: string;
  /** Append each invocation's argv (as a JSON line) here. */
  recordTo?: string;
  /** Write own pid here. */
  pidFile?: string;
}

/** A fake orbctl that does what it is told, for the runner's and the error mapping's tests. */
export function writeFake(dir: string, name: string, b: FakeBehaviour): string {
  const lines = [
    `import { appendFileSync, writeFileSync } from 'node:fs';`,
    `import { spawn } from 'node:child_process';`,
    b.recordTo
      ? `appendFileSync(${JSON.stringify(b.recordTo)}, JSON.stringify(process.argv.slice(2)) + '\\n');`
      : '',
    b.pidFile ? `writeFileSync(${JSON.stringify(b.pidFile)}, String(process.pid));` : '',
    b.ignoreSigint ? `process.on('SIGINT', () => {});` : '',
    b.grandchildPidFile
      ? `const gc = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });` +
        `writeFileSync(${JSON.stringify(b.grandchildPidFile)}, String(gc.pid));`
      : '',
    b.stdout !== undefined ? `process.stdout.write(${JSON.stringify(b.stdout)});` : '',
    b.stderr !== undefined ? `process.stderr.write(${JSON.stringify(b.stderr)});` : '',
    b.hang ? `setInterval(() => {}, 1000);` : `process.exitCode = ${b.exitCode ?? 0};`,
  ];
  return writeScript(dir, name, lines.filter((l) => l !== '').join('\n'));
}

/**
 * True while `pid` is a live process (a zombie counts as gone: it runs nothing, and in a container nobody may
 * reap an orphan). Reads /proc, falling back to `kill(pid, 0)` where there is no /proc.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    if (readdirSafe('/proc')) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

function readdirSafe(path: string): boolean {
  try {
    readdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Waits (briefly) until `check` holds; for things that settle asynchronously, like a killed grandchild. */
export async function eventually(check: () => boolean, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

/** Waits until a file has content (a fake wrote its pid) and returns it. */
export async function readWhenWritten(path: string, ms = 3000): Promise<string> {
  let text = '';
  await eventually(() => {
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = '';
    }
    return text !== '';
  }, ms);
  return text;
}

export function recordedCalls(path: string): string[][] {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as string[]);
  } catch {
    return [];
  }
}

export interface ScriptedReply {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  hang?: boolean;
  /** Write "partial" to the argument at this index (an export's output file) before answering. */
  writeArg?: number;
}

/**
 * A fake orbctl answering per subcommand (`table[args[0]]`, else `table['*']`, else silent success) and
 * recording every invocation, for adapter tests that need no simulator.
 */
export function writeScriptedOrbctl(
  dir: string,
  table: Record<string, ScriptedReply>,
  recordTo: string,
  name = 'orbctl',
): string {
  return writeScript(
    dir,
    name,
    `import { appendFileSync, writeFileSync } from 'node:fs';
const table = ${JSON.stringify(table)};
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(recordTo)}, JSON.stringify(args) + '\\n');
const r = table[args[0]] ?? table['*'] ?? {};
if (r.writeArg !== undefined) writeFileSync(args[r.writeArg], 'partial');
if (r.stdout) process.stdout.write(r.stdout);
if (r.stderr) process.stderr.write(r.stderr);
if (r.hang) setInterval(() => {}, 1000);
else process.exitCode = r.exitCode ?? 0;`,
  );
}

/** The AppError `fn` throws; fails the test when it throws nothing or something else. */
export function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

// Phases of `npm test` that run side by side: each is a command of node_modules/.bin whose output is held back
// and shown whole when it ends, so that two phases never interleave their lines.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { root } from './setup.mjs';

export const say = (line) => console.error(`[orbdeck] ${line}`);

export const seconds = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);

/**
 * Runs `bin` (a command of node_modules/.bin) with `args` in the project's folder; resolves (never rejects)
 * with whether it succeeded, how long it took and what it printed. A phase with a `niceness` (1–19) gets the
 * CPU only when the phases at the usual priority leave it idle.
 */
export function runPhase(name, [bin, args], { env, niceness = 0 }) {
  const started = performance.now();
  say(`${name}: started`);
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(join(root, 'node_modules', '.bin', bin), args, {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (niceness > 0 && child.pid !== undefined) {
      try {
        setPriority(child.pid, niceness);
      } catch {
        // Not allowed here: the phase runs at the usual priority.
      }
    }
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    let finished = false;
    const finish = (ok, extra = '') => {
      if (finished) return;
      finished = true;
      const ms = performance.now() - started;
      const output = Buffer.concat(chunks).toString('utf8') + extra;
      console.error(`\n[orbdeck] ── ${name} (${ok ? 'passed' : 'FAILED'} in ${seconds(ms)} s) ──`);
      process.stderr.write(output.endsWith('\n') || output === '' ? output : `${output}\n`);
      resolve({ name, ok, ms, output });
    };
    child.once('error', (error) => finish(false, `could not start ${bin}: ${error.message}\n`));
    child.once('close', (code, signal) => finish(code === 0, signal ? `ended by ${signal}\n` : ''));
  });
}

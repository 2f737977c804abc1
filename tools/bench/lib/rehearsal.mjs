// The Electron rehearsal for scripts (the e2e suite has its own, e2e/desktop/support/desktop-app.ts): the built
// main process under plain Node with the Electron stand-in (test/electron-stand-in), its window a page of the
// stand-in's headless Chromium, and the stand-in's control channel for what the user does outside the page
// (minimize, close, quit). No Electron binary is involved: what it measures is the main process's own work.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { root } from '../../../scripts/lib/setup.mjs';

const STAND_IN = join(root, 'test/electron-stand-in');

/** Starts the app with `args` (e.g. ['--demo']) and `env`; resolves once the stand-in says it is ready. */
export async function startRehearsal(args, env) {
  const child = spawn(
    process.execPath,
    ['--import', join(STAND_IN, 'register.mjs'), join(STAND_IN, 'cli.mjs'), root, ...args],
    { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: root },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not get ready:\n${stderr}`)), 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = /^electron-stand-in ready (\{.*\})$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(JSON.parse(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${stderr}`)));
  });
  const control = await connect(ready.control);
  return {
    pid: child.pid,
    call: control.call,
    async stop() {
      control.close();
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 4000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The stand-in's control channel: one JSON object a line each way, answers matched by id. */
function connect(path) {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path, () => {
      let next = 1;
      let buffer = '';
      const pending = new Map();
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
          const reply = JSON.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 1);
          const waiting = pending.get(reply.id);
          pending.delete(reply.id);
          if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
          else waiting?.resolve(reply.result);
        }
      });
      resolve({
        call: (method, params = {}) =>
          new Promise((res, rej) => {
            const id = next++;
            pending.set(id, { resolve: res, reject: rej });
            socket.write(JSON.stringify({ id, method, params }) + '\n');
          }),
        close: () => socket.destroy(),
      });
    });
    socket.once('error', reject);
  });
}

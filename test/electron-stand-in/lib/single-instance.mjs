// requestSingleInstanceLock across processes, after Chromium's ProcessSingleton on POSIX: a `SingletonLock`
// symlink in the user-data folder naming host and pid, and a `SingletonSocket` the first instance listens on.
// A second instance hands over its argv, working directory and additionalData (synchronously, as Electron's
// call is synchronous) and is told to quit; the first emits 'second-instance', after 'ready'.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

let held = null;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// Run in a child Node so the handover can be synchronous: connect, send one line, wait for "ok".
const NOTIFY = `
const socket = require('node:net').connect(process.argv[1]);
socket.on('connect', () => socket.write(process.argv[2] + '\\n'));
socket.on('data', (d) => { if (String(d).startsWith('ok')) process.exit(0); });
socket.on('error', () => process.exit(3));
setTimeout(() => process.exit(4), 8000);
`;

/**
 * @param {string} userData the folder the lock lives in
 * @param {unknown} additionalData handed to the first instance (as JSON here; Electron structured-clones it)
 * @param {(argv: string[], cwd: string, data: unknown) => void} onSecondInstance
 * @returns {boolean} true when this process holds the lock
 */
export function requestLock(userData, additionalData, onSecondInstance) {
  if (held) return true;
  mkdirSync(userData, { recursive: true });
  const lock = join(userData, 'SingletonLock');
  const socketLink = join(userData, 'SingletonSocket');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      symlinkSync(`${hostname()}-${process.pid}`, lock);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(/-(\d+)$/.exec(readlinkSync(lock))?.[1]);
      if (owner && owner !== process.pid && alive(owner)) {
        const message = JSON.stringify({
          argv: process.argv,
          cwd: process.cwd(),
          data: additionalData ?? null,
        });
        try {
          execFileSync(process.execPath, ['-e', NOTIFY, readlinkSync(socketLink), message], {
            stdio: 'ignore',
            timeout: 10_000,
          });
          return false;
        } catch {
          // The owner does not answer (it may be starting up: its socket is not listening yet); retry once.
          if (attempt === 0) continue;
          return false;
        }
      }
      rmSync(lock, { force: true });
      continue;
    }
    const dir = mkdtempSync(join(tmpdir(), 'esi-'));
    const path = join(dir, 'SingletonSocket');
    const server = createServer((socket) => {
      let buffer = '';
      socket.on('data', (d) => {
        buffer += d;
        const end = buffer.indexOf('\n');
        if (end < 0) return;
        socket.end('ok\n');
        const { argv, cwd, data } = JSON.parse(buffer.slice(0, end));
        onSecondInstance(argv, cwd, data);
      });
      socket.on('error', () => {});
    });
    server.listen(path);
    server.unref();
    rmSync(socketLink, { force: true });
    symlinkSync(path, socketLink);
    held = { lock, socketLink, dir, server };
    return true;
  }
  return false;
}

export function hasLock() {
  return !!held;
}

/** Releases the lock (also at exit, synchronously). */
export function releaseLock() {
  if (!held) return;
  const { lock, socketLink, dir, server } = held;
  held = null;
  server.close();
  for (const path of [lock, socketLink]) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

// utilityProcess.fork, backed by child_process.fork. Shape and edge cases after
// lib/browser/api/utility-process.ts and shell/browser/api/electron_api_utility_process.cc: stdin is always
// ignored; stdout/stderr are PassThrough streams when piped (null otherwise), nulled with their listeners
// removed once 'exit' has been emitted; a custom env replaces the environment; kill() sends SIGTERM and the
// exit code of a process it killed is 0; another signal's exit code is the signal number; pid is undefined
// before 'spawn' and after 'exit'. The child has process.parentPort (utility-child.mjs).
// Guess (https://www.electronjs.org/docs/latest/api/utility-process): the process ends when its event loop
// is empty, as a Node process does.
import { fork as nodeFork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { record, standIn } from './state.mjs';
import { emitExit, exitCodeOf } from './utility-exit.mjs';
import { InProcessUtility, inProcessRunner } from './utility-in-process.mjs';

const childInit = fileURLToPath(new URL('./utility-child.mjs', import.meta.url));

/** The child's stdio as Electron reads `options.stdio` (stdin is always ignored). */
function stdioOf(options) {
  if (typeof options.stdio === 'string') {
    if (!['inherit', 'ignore', 'pipe'].includes(options.stdio))
      throw new Error('stdio must be of the following values: inherit, pipe, ignore');
    return ['ignore', options.stdio, options.stdio];
  }
  if (Array.isArray(options.stdio)) {
    if (options.stdio.length < 3) throw new Error('configuration missing for stdin, stdout or stderr.');
    if (options.stdio[0] !== 'ignore') throw new Error('stdin value other than ignore is not supported.');
    return options.stdio.slice(0, 3);
  }
  return ['ignore', 'inherit', 'inherit'];
}

class UtilityProcess extends EventEmitter {
  #child = null;
  #stdout = null;
  #stderr = null;
  #killed = false;
  #pid = undefined;

  constructor(modulePath, args, options) {
    super();
    if (!modulePath) throw new Error('Missing UtilityProcess entry script.');
    if (args != null && typeof args === 'object' && !Array.isArray(args)) [options, args] = [args, []];
    args ??= [];
    options = { ...(options ?? {}) };
    const stdio = stdioOf(options);
    if (stdio[1] === 'pipe') this.#stdout = new PassThrough();
    if (stdio[2] === 'pipe') this.#stderr = new PassThrough();
    const env = options.env && Object.keys(options.env).length > 0 ? options.env : process.env;
    const child = nodeFork(modulePath, args, {
      cwd: options.cwd,
      env,
      // Never the parent's execArgv: that would load this stand-in (the --import hook) into the child.
      execArgv: [...(options.execArgv ?? []), '--import', childInit],
      stdio: [...stdio, 'ipc'],
      serialization: 'advanced',
    });
    this.#child = child;
    record('utility-processes', {
      modulePath,
      args,
      serviceName: options.serviceName ?? 'Node Utility Process',
    });
    child.stdout?.pipe(this.#stdout);
    child.stderr?.pipe(this.#stderr);
    child.once('spawn', () => {
      this.#pid = child.pid;
      standIn.children?.add(child);
      this.emit('spawn');
    });
    child.on('message', (message) => this.emit('message', message));
    child.once('error', (error) => {
      if (this.#pid === undefined) this.#exit(1, null, error);
    });
    child.once('exit', (code, signal) => this.#exit(code, signal));
  }

  #exit(code, signal, error) {
    if (this.#child === null) return;
    standIn.children?.delete(this.#child);
    this.#child = null;
    this.#pid = undefined;
    if (error)
      process.stderr.write(`[electron-stand-in] utility process failed to start: ${error.message}\n`);
    emitExit(this, exitCodeOf(code, signal, this.#killed), [this.#stdout, this.#stderr]);
    this.#stdout = null;
    this.#stderr = null;
  }

  get pid() {
    return this.#pid;
  }
  get stdout() {
    return this.#stdout;
  }
  get stderr() {
    return this.#stderr;
  }
  postMessage(message) {
    this.#child?.send(message);
  }
  kill() {
    if (!this.#child || this.#pid === undefined) return false;
    const ok = this.#child.kill('SIGTERM');
    this.#killed = ok;
    return ok;
  }
}

export const utilityProcess = {
  fork(modulePath, args, options) {
    if (!standIn.ready) throw new TypeError('utilityProcess cannot be created before app is ready.');
    const runner = inProcessRunner(modulePath);
    if (runner) {
      const [a, o] =
        args != null && typeof args === 'object' && !Array.isArray(args)
          ? [[], args]
          : [args ?? [], options ?? {}];
      return new InProcessUtility(runner, modulePath, a, o, stdioOf(o));
    }
    return new UtilityProcess(modulePath, args, options);
  },
};

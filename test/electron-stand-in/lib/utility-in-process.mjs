// A utility process whose module runs inside the main process: for a module with an in-process runner (the
// orbctl simulator, dist/test/sim-in-process.mjs), named by ELECTRON_STAND_IN_IN_PROCESS, a JSON object
// { "<module path>": "<runner module path>" }. The runner's `runInProcess(argv, { env, cwd, onOutput })` gives
// the same output, exit codes and signal handling as the module run as a process
// (tools/orbctl-sim/in-process.ts); this file gives it the shape of utility-process.mjs's UtilityProcess, and
// plays the kernel's part for it: a pid no operating system hands out, and process.kill() with that pid reaching
// the call (SIGINT, SIGTERM, SIGKILL; 0 to ask whether it still runs). A Node process per orbctl call cost the
// desktop rehearsal a fifth of its CPU time; the tests that need the real thing (the quit sequence) ask for it.
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import { record } from './state.mjs';
import { emitExit, exitCodeOf } from './utility-exit.mjs';

/** @type {Map<string, { runInProcess: Function }>} module path → its runner */
const runners = new Map();
for (const [modulePath, runnerPath] of Object.entries(
  JSON.parse(process.env.ELECTRON_STAND_IN_IN_PROCESS || '{}'),
))
  if (runnerPath) runners.set(modulePath, await import(runnerPath));

/** Pids of the calls still running (Linux stops at 2^22, macOS at 99999: these reach no real process). */
const running = new Map();
let nextPid = 2 ** 30;

if (runners.size > 0) {
  const realKill = process.kill.bind(process);
  process.kill = (pid, signal = 'SIGTERM') => {
    const call = running.get(Number(pid));
    if (!call) return realKill(pid, signal);
    const name =
      typeof signal === 'number'
        ? Object.keys(constants.signals).find((k) => constants.signals[k] === signal)
        : signal;
    if (name === 'SIGINT' || name === 'SIGTERM' || name === 'SIGKILL') call.kill(name);
    return true;
  };
}

export function inProcessRunner(modulePath) {
  return runners.get(modulePath) ?? null;
}

export class InProcessUtility extends EventEmitter {
  #call = null;
  #pid = undefined;
  #stdout = null;
  #stderr = null;
  #killed = false;

  constructor(runner, modulePath, args, options, stdio) {
    super();
    if (stdio[1] === 'pipe') this.#stdout = new PassThrough();
    if (stdio[2] === 'pipe') this.#stderr = new PassThrough();
    const env = options.env && Object.keys(options.env).length > 0 ? options.env : process.env;
    const pid = nextPid++;
    const call = runner.runInProcess(args, {
      env: { ...env },
      cwd: options.cwd ?? process.cwd(),
      onOutput: (stream, text) => {
        const to = stream === 'stdout' ? this.#stdout : this.#stderr;
        if (to) to.write(text);
        else if (stdio[stream === 'stdout' ? 1 : 2] === 'inherit') process[stream].write(text);
      },
    });
    this.#call = call;
    running.set(pid, call);
    record('utility-processes', {
      modulePath,
      args,
      serviceName: options.serviceName ?? 'Node Utility Process',
      inProcess: true,
    });
    // As a forked process: 'spawn' after fork() has returned.
    setImmediate(() => {
      if (this.#call === null) return;
      this.#pid = pid;
      this.emit('spawn');
    });
    void call.done.then((outcome) => {
      running.delete(pid);
      for (const stream of [this.#stdout, this.#stderr]) stream?.end();
      // The output is read before the exit is told, as a pipe is drained before a process is reaped.
      setImmediate(() => this.#exit(outcome));
    });
  }

  #exit({ exitCode, signal }) {
    if (this.#call === null) return;
    this.#call = null;
    this.#pid = undefined;
    emitExit(this, exitCodeOf(exitCode, signal, this.#killed), [this.#stdout, this.#stderr]);
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
  postMessage() {
    // The simulator never listens on process.parentPort.
  }
  kill() {
    if (!this.#call || this.#pid === undefined) return false;
    this.#killed = true;
    this.#call.kill('SIGTERM');
    return true;
  }
}

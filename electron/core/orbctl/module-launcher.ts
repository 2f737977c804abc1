/**
 * A launcher that runs one Node module as orbctl in a forked process: Electron's `utilityProcess.fork` in the
 * packaged app's demo mode (electron/desktop/sim-launcher.ts), Node's `child_process.fork` in tests. Both give a child
 * with piped stdout/stderr, 'spawn' and 'exit' events and a `kill()` that sends SIGTERM; this file turns
 * either into a ProcessLauncher with the same stop sequence as the default one (SIGINT first, then kill).
 */
import { AppError } from '../../../shared/errors';
import { superviseChild, type ChildHandle, type ProcessLauncher } from './launcher';

/** What `utilityProcess.fork` and `child_process.fork` both return, as far as running orbctl goes. */
export interface ForkedChild {
  readonly pid?: number | undefined;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  once(event: 'spawn', listener: () => void): unknown;
  once(event: 'exit', listener: (code: number | null, signal?: NodeJS.Signals | null) => void): unknown;
  /** SIGTERM (Electron also reaps the process). */
  kill(): boolean;
}

export interface ForkOptions {
  env: Record<string, string>;
  cwd?: string | undefined;
}

export type ForkModule = (modulePath: string, args: string[], options: ForkOptions) => ForkedChild;

/** After `kill()` (SIGTERM), how long a child may take before it gets SIGKILL. */
export const KILL_FALLBACK_MS = 2000;

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Wraps a forked child for superviseChild: SIGINT by pid to interrupt; kill(), then SIGKILL if it lingers. */
export function forkedChildHandle(child: ForkedChild): ChildHandle {
  let exited = false;
  let spawned = false;
  let interruptWhenSpawned = false;
  child.once('exit', () => {
    exited = true;
  });
  child.once('spawn', () => {
    spawned = true;
    if (interruptWhenSpawned) signal(child.pid, 'SIGINT');
  });
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    streamsEndWithExit: true,
    onSpawn: (listener) => child.once('spawn', () => listener(child.pid)),
    onExit: (listener) => child.once('exit', (code, sig) => listener(code ?? null, sig ?? null)),
    interrupt() {
      if (spawned) signal(child.pid, 'SIGINT');
      else interruptWhenSpawned = true;
    },
    kill() {
      if (exited) return;
      const pid = child.pid;
      child.kill();
      const fallback = setTimeout(() => {
        if (!exited) signal(pid, 'SIGKILL');
      }, KILL_FALLBACK_MS);
      fallback.unref();
    },
  };
}

/**
 * Runs `modulePath` (the simulator) with orbctl's argv through `fork`. Any other file is refused: this launcher
 * exists for the simulator only, so it can never quietly run a different program as orbctl.
 */
export function moduleLauncher(modulePath: string, fork: ForkModule): ProcessLauncher {
  return (request) => {
    if (request.file !== modulePath) {
      throw new AppError(
        'NOT_INSTALLED',
        `Demo mode runs only OrbDeck's own simulator as orbctl, not '${request.file}'.`,
        { argv: [request.file, ...request.args], notes: [`simulator: ${modulePath}`] },
      );
    }
    const child = fork(modulePath, [...request.args], { env: request.env, cwd: request.cwd });
    return superviseChild(forkedChildHandle(child), request.maxOutputBytes, request.onOutput);
  };
}

/**
 * How an orbctl process is started and stopped: the seam under runProcess. The default launcher is execa
 * (argv only, own process group). Packaged Electron apps run the simulator with a different launcher (a
 * utility process, see electron/desktop/sim-launcher.ts) because the RunAsNode fuse forbids Electron's binary to act
 * as Node. runProcess keeps the timeout, cancellation and error mapping the same whatever launches.
 */
import { execa } from 'execa';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** Output as it arrives, for a caller that shows it live (`orbctl run`); whole UTF-8 characters only. */
export type OutputListener = (stream: 'stdout' | 'stderr', text: string) => void;

export interface LaunchRequest {
  file: string;
  args: readonly string[];
  /** The whole environment: nothing is inherited. */
  env: Record<string, string>;
  cwd?: string | undefined;
  /** Output beyond this (stdout or stderr) ends the process: orbctl being normal never prints that much. */
  maxOutputBytes: number;
  /** Told of output while the process runs (it is still collected for the outcome). */
  onOutput?: OutputListener | undefined;
}

export interface LaunchOutcome {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** It printed more than `maxOutputBytes` and was stopped. */
  tooMuchOutput: boolean;
  /** Set when the process never ran: the spawn error's code (ENOENT, EACCES, …). */
  spawnError?: string | undefined;
}

export interface LaunchedProcess {
  /** The pid once the process runs; undefined when it could not start. */
  readonly spawned: Promise<number | undefined>;
  /** Settles once the process has ended (never rejects). */
  readonly done: Promise<LaunchOutcome>;
  /** Asks it to stop the way Ctrl-C does (orbctl cleans up and exits 130). */
  interrupt(): void;
  /** Stops it for sure, with whatever it started. Harmless once it has ended. */
  kill(): void;
}

export type ProcessLauncher = (request: LaunchRequest) => LaunchedProcess;

/** Signals the process group led by `pid` (the child is started detached, so it leads one); falls back to the pid. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** The default: execa, no shell, stdin ignored, in its own process group so a stop reaches its children. */
export const execaLauncher: ProcessLauncher = (request) => {
  const child = execa(request.file, request.args, {
    env: request.env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    // Own process group, so a stop reaches anything orbctl started, and so Ctrl-C in a terminal that
    // launched the app does not hit orbctl behind our back.
    detached: true,
    cleanup: false,
    stripFinalNewline: false,
    maxBuffer: request.maxOutputBytes,
    windowsHide: true,
    ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
  });
  const pid = child.pid;
  if (request.onOutput) {
    follow(child.stdout, 'stdout', request.onOutput);
    follow(child.stderr, 'stderr', request.onOutput);
  }
  const done = child.then((raw): LaunchOutcome => ({
    exitCode: raw.exitCode ?? null,
    signal: raw.signal ?? null,
    stdout: typeof raw.stdout === 'string' ? raw.stdout : '',
    stderr: typeof raw.stderr === 'string' ? raw.stderr : '',
    tooMuchOutput: raw.isMaxBuffer,
    spawnError:
      pid === undefined || (raw.failed && raw.exitCode === undefined && raw.signal === undefined)
        ? (raw.code ?? 'unknown')
        : undefined,
  }));
  return {
    spawned: Promise.resolve(pid),
    done,
    interrupt: () => pid !== undefined && signalGroup(pid, 'SIGINT'),
    kill: () => pid !== undefined && signalGroup(pid, 'SIGKILL'),
  };
};

/** Passes a stream's text to `listener` as it comes, never splitting a UTF-8 character; a listener's throw is dropped. */
export function follow(
  stream: Readable | NodeJS.ReadableStream | null,
  name: 'stdout' | 'stderr',
  listener: OutputListener,
): void {
  if (!stream) return;
  const decoder = new StringDecoder('utf8');
  const tell = (text: string) => {
    if (text === '') return;
    try {
      listener(name, text);
    } catch {
      // Showing output is a side concern: the process goes on.
    }
  };
  stream.on('data', (chunk: Buffer | string) =>
    tell(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
  );
  stream.on('end', () => tell(decoder.end()));
}

/** A child process seen through the few things a launcher needs (Node's fork, Electron's utilityProcess). */
export interface ChildHandle {
  stdout: Readable | NodeJS.ReadableStream | null;
  stderr: Readable | NodeJS.ReadableStream | null;
  onSpawn(listener: (pid: number | undefined) => void): void;
  onExit(listener: (exitCode: number | null, signal: string | null) => void): void;
  /** A failure to start (Node's 'error' before 'spawn'). */
  onError?(listener: (code: string) => void): void;
  /** Its output streams are let go when it exits (Electron's utility process): read them up to then. */
  streamsEndWithExit?: boolean;
  interrupt(): void;
  kill(): void;
}

/**
 * Turns a streamed child into a LaunchedProcess: collects stdout and stderr as text (stopping the child
 * past the limit, as execa's maxBuffer does) and settles `done` once it has exited and both streams ended.
 */
/** How long after a utility process exits its output may still arrive (see superviseChild). */
const STREAM_GRACE_MS = 100;

export function superviseChild(
  child: ChildHandle,
  maxOutputBytes: number,
  onOutput?: OutputListener,
): LaunchedProcess {
  let tooMuchOutput = false;
  let ended = false;
  // Electron's utility process drops its streams' listeners as it emits 'exit' (lib/browser/api/
  // utility-process.ts), so an 'end' that comes later is never heard: shortly after 'exit', what was read is
  // the output. (A Node child's streams end within a tick or two of its exit, so the grace costs them nothing.)
  const finishers: Array<() => void> = [];
  const collect = (stream: ChildHandle['stdout']): Promise<string> =>
    new Promise((resolve) => {
      if (!stream) return resolve('');
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer | string) => {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += buffer.length;
        if (size > maxOutputBytes) {
          if (!tooMuchOutput) {
            tooMuchOutput = true;
            child.kill();
          }
          return;
        }
        chunks.push(buffer);
      });
      const finish = () => resolve(Buffer.concat(chunks).toString('utf8'));
      finishers.push(finish);
      stream.on('end', finish);
      stream.on('close', finish);
      stream.on('error', finish);
    });
  if (onOutput) {
    follow(child.stdout, 'stdout', onOutput);
    follow(child.stderr, 'stderr', onOutput);
  }
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  let spawnError: string | undefined;
  const spawned = new Promise<number | undefined>((resolve) => {
    child.onSpawn(resolve);
    child.onError?.((code) => {
      spawnError = code;
      resolve(undefined);
    });
  });
  const exited = new Promise<{ exitCode: number | null; signal: string | null }>((resolve) => {
    child.onExit((exitCode, signal) => {
      resolve({ exitCode, signal });
      if (child.streamsEndWithExit) {
        setTimeout(() => finishers.forEach((finish) => finish()), STREAM_GRACE_MS).unref();
      }
    });
    child.onError?.(() => resolve({ exitCode: null, signal: null }));
  });
  const done = Promise.all([exited, stdout, stderr]).then(([exit, out, err]): LaunchOutcome => {
    ended = true;
    return { ...exit, stdout: out, stderr: err, tooMuchOutput, spawnError };
  });
  return {
    spawned,
    done,
    interrupt: () => {
      if (!ended) child.interrupt();
    },
    kill: () => {
      if (!ended) child.kill();
    },
  };
}

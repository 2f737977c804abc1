/**
 * The simulator without a process of its own: one orbctl call run inside the caller's process, with what the
 * executable would show: the same stdout, stderr and exit code, 130 / 143 after SIGINT / SIGTERM (clean-ups
 * run), and death by SIGKILL for a kill or a `crash` fault (no clean-up). Tests start hundreds of calls; a Node
 * process for each costs far more than the call. Every call has its own environment, folder, timers and end,
 * so any number can run at once; once a call has ended, it prints nothing more and changes no state.
 */
import { dispatch } from './cli/dispatch';
import type { Output } from './output';
import { ProcessEnded, isProcessEnd, type SimProcess } from './sim-process';

export type SimSignal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';

export interface InProcessOptions {
  /** The whole environment of the call: nothing is inherited. */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Told of output as it is written (the same text is in the outcome). */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

export interface InProcessOutcome {
  exitCode: number | null;
  signal: 'SIGKILL' | null;
  stdout: string;
  stderr: string;
}

export interface InProcessCall {
  readonly done: Promise<InProcessOutcome>;
  /** What the signal does to the executable; nothing once the call has ended. */
  kill(signal: SimSignal): void;
}

/** Exit codes of the executable's signal handlers (signals.ts). */
const EXIT_ON: Record<Exclude<SimSignal, 'SIGKILL'>, number> = { SIGINT: 130, SIGTERM: 143 };

export function runInProcess(argv: readonly string[], options: InProcessOptions): InProcessCall {
  let ended = false;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const timers = new Map<NodeJS.Timeout, (error: Error) => void>();
  const forever = new Set<(error: Error) => void>();
  const cleanups = new Set<() => void>();
  let settle!: (outcome: InProcessOutcome) => void;
  const done = new Promise<InProcessOutcome>((resolve) => (settle = resolve));
  let outcome: InProcessOutcome | undefined;

  const end = (exitCode: number | null, signal: 'SIGKILL' | null): void => {
    if (ended) return;
    ended = true;
    outcome = { exitCode, signal, stdout: stdout.join(''), stderr: stderr.join('') };
    // Whatever the call still waits for wakes up to find its process gone, and unwinds.
    for (const [timer, reject] of timers) {
      clearTimeout(timer);
      reject(new ProcessEnded());
    }
    timers.clear();
    for (const reject of forever) reject(new ProcessEnded());
    forever.clear();
  };
  /** Told once the call has unwound, so that nothing it does can come after its end is seen. */
  const finish = (): void => settle(outcome!);
  const write = (stream: 'stdout' | 'stderr', text: string): void => {
    if (ended || text === '') return;
    (stream === 'stdout' ? stdout : stderr).push(text);
    try {
      options.onOutput?.(stream, text);
    } catch {
      // A listener's problem is not the call's.
    }
  };

  const proc: SimProcess = {
    env: options.env,
    cwd: options.cwd,
    sleep: (ms) =>
      new Promise<void>((resolve, reject) => {
        if (ended) return reject(new ProcessEnded());
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            resolve();
          },
          Math.max(0, ms),
        );
        timers.set(timer, reject);
      }),
    sleepForever: () =>
      new Promise<never>((_resolve, reject) => {
        if (ended) reject(new ProcessEnded());
        else forever.add(reject);
      }),
    onInterrupt(cleanup) {
      cleanups.add(cleanup);
      return () => cleanups.delete(cleanup);
    },
    crash() {
      end(null, 'SIGKILL');
      throw new ProcessEnded();
    },
    assertRunning() {
      if (ended) throw new ProcessEnded();
    },
  };
  const output: Output = {
    // Started by a program, never from a terminal: no spinners, no colours, no questions.
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdinIsTTY: false,
    out: (text) => write('stdout', text),
    err: (text) => write('stderr', text),
  };

  // A process starts after its spawn returns: the caller can stop it before it has done anything.
  setImmediate(() => {
    if (ended) return finish();
    dispatch(argv, output, proc)
      .then(
        (code) => end(code, null),
        (error: unknown) => {
          if (isProcessEnd(error)) return;
          const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
          write('stderr', `orbctl-sim: internal error: ${text}\n`);
          end(70, null);
        },
      )
      .finally(finish);
  });

  return {
    done,
    kill(signal) {
      if (ended) return;
      if (signal === 'SIGKILL') return end(null, 'SIGKILL');
      for (const cleanup of cleanups) {
        try {
          cleanup();
        } catch {
          // best effort, as in the executable
        }
      }
      end(EXIT_ON[signal], null);
    },
  };
}

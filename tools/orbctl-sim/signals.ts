/**
 * The simulator as its own Node process (main.ts). Ctrl-C and SIGTERM end it at once with 130 / 143 (real
 * orbctl prints `Canceled` when stderr is a terminal and re-raises the signal, which a shell reports as the same
 * codes). State is never half-written: every change happens synchronously under the lock, and a JS signal
 * handler only runs between turns of the event loop. Commands register clean-ups for what they have open (an
 * export's partial file).
 */
import type { SimProcess } from './sim-process';
import { sleep, sleepForever } from './timing';

const cleanups = new Set<() => void>();

function installSignalHandlers(stderrIsTTY: boolean): void {
  const handle = (code: number) => (): void => {
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // best effort: the process is going away
      }
    }
    if (stderrIsTTY) process.stderr.write('\nCanceled\n');
    process.exit(code);
  };
  process.on('SIGINT', handle(130));
  process.on('SIGTERM', handle(143));
}

/** Dies the way a crashed client does: no clean-up, no message, killed by a signal (a shell sees 137). */
function crashNow(): never {
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is delivered at once; this only satisfies the type checker.
  process.exit(137);
}

/** This Node process as the simulator's process: one run, then it exits. */
export function nodeProcess(stderrIsTTY: boolean): SimProcess {
  installSignalHandlers(stderrIsTTY);
  return {
    env: process.env,
    cwd: process.cwd(),
    sleep,
    sleepForever,
    onInterrupt(cleanup) {
      cleanups.add(cleanup);
      return () => cleanups.delete(cleanup);
    },
    crash: crashNow,
    assertRunning: () => undefined,
  };
}

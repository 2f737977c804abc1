/**
 * Ctrl-C and SIGTERM end the simulator at once with 130 / 143 (real orbctl prints `Canceled` when stderr is a
 * terminal and re-raises the signal, which a shell reports as the same codes). State is never half-written:
 * every change happens synchronously under the lock, and a JS signal handler only runs between turns of the
 * event loop. Commands register clean-ups for what they have open (an export's partial file).
 */
const cleanups = new Set<() => void>();

export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export function installSignalHandlers(stderrIsTTY: boolean): void {
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
export function crashNow(): never {
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is delivered at once; this only satisfies the type checker.
  process.exit(137);
}

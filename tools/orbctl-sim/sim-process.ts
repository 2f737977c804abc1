/**
 * What one run of the simulator takes from the process it runs in: its environment, its working folder, its
 * timers, what Ctrl-C cleans up and how it dies. The executable (main.ts) runs once per Node process and hands
 * over the process itself (signals.ts); tests run many calls at once in one process (in-process.ts), each with
 * its own of all of these, so no call can see or end another.
 */
export interface SimProcess {
  /** The environment orbctl was started with (ORBCTL_SIM_*, NO_COLOR, ORBENV and what ORBENV names). */
  readonly env: NodeJS.ProcessEnv;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  sleep(ms: number): Promise<void>;
  /** Never settles while the process lives (a `hang` fault); its end ends the wait. */
  sleepForever(): Promise<never>;
  /** Registers a clean-up for Ctrl-C or SIGTERM (an export's partial file); returns its remover. */
  onInterrupt(cleanup: () => void): () => void;
  /** Dies the way a crashed client does: no clean-up, no message, killed by SIGKILL. */
  crash(): never;
  /** Throws ProcessEnded once the process was stopped: a stopped process changes no state. */
  assertRunning(): void;
}

/**
 * Thrown into a call that runs on after its process ended (in-process runs only: a real process simply stops).
 * Nothing it does from then on may show, so clean-ups that a dead process would not run skip it.
 */
export class ProcessEnded extends Error {
  override readonly name = 'ProcessEnded';
  constructor() {
    super('the orbctl process has ended');
  }
}

export function isProcessEnd(error: unknown): error is ProcessEnded {
  return error instanceof ProcessEnded;
}

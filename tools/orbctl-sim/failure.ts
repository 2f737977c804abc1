/**
 * How a command ends badly. orbctl has three shapes of failure: daemon errors (`[-32098] …` on stderr, exit 1),
 * plain client errors (e.g. `start VM: timed out waiting for VM to start`, exit 1) and cobra usage errors
 * (`Error: …` plus usage, exit 1; see cli/argv.ts). A few commands print to stdout or exit 0 on a problem.
 */
export class SimFailure extends Error {
  override readonly name = 'SimFailure';
  constructor(
    readonly text: string,
    readonly exitCode = 1,
    readonly stream: 'stdout' | 'stderr' = 'stderr',
  ) {
    super(text);
  }
}

/** JSON-RPC code orbctl shows for plain Go errors from the machine manager. */
export const DAEMON_ERROR_CODE = -32098;

export function daemonError(message: string): SimFailure {
  return new SimFailure(`[${DAEMON_ERROR_CODE}] ${message}`);
}

export function plainError(message: string, exitCode = 1): SimFailure {
  return new SimFailure(message, exitCode);
}

/** A problem with the simulator's own set-up (bad knob, corrupt state), never something orbctl would say. */
export function simError(message: string): SimFailure {
  return new SimFailure(`orbctl-sim: ${message}`, 1);
}

/** How Go's os package words an errno, for `open PATH: …` texts. */
export function goErrnoText(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return (err as Error).message;
  }
}

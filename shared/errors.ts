/**
 * Error codes that cross IPC. The adapter maps orbctl's exit codes and `[-32098] …` texts to these; the UI
 * picks its friendly message by code and keeps the raw detail one click away.
 */
export const ErrorCode = {
  /** No orbctl binary was found in any of the places searched. */
  NOT_INSTALLED: 'NOT_INSTALLED',
  /** OrbStack itself is stopped or failed to start. */
  ORBSTACK_NOT_RUNNING: 'ORBSTACK_NOT_RUNNING',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  INVALID_NAME: 'INVALID_NAME',
  /** A request that failed validation (IPC payload, path, option) before anything ran. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** OrbStack's own built-in machine (the Docker engine's): orbctl does not clone, export or rename it. */
  BUILTIN_MACHINE: 'BUILTIN_MACHINE',
  /** orbctl refused the arguments OrbDeck gave it (its usage error): a bug of OrbDeck's, or a newer orbctl. */
  ORBCTL_REFUSED: 'ORBCTL_REFUSED',
  /** The job cannot be cancelled (it is too short or too delicate to stop halfway). */
  NOT_CANCELLABLE: 'NOT_CANCELLABLE',
  /** The file is not an OrbStack machine export, or is damaged. */
  BAD_EXPORT_FILE: 'BAD_EXPORT_FILE',
  TIMEOUT: 'TIMEOUT',
  CANCELLED: 'CANCELLED',
  /** The installed orbctl is too old for this action. */
  UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
  /** orbctl failed in a way we have no specific code for; the detail carries its own text. */
  ORBCTL_FAILED: 'ORBCTL_FAILED',
  /** orbctl's output could not be understood. */
  BAD_OUTPUT: 'BAD_OUTPUT',
  /** The machine is busy with another job. */
  BUSY: 'BUSY',
  /** Not allowed from where the request came (a path the person did not choose, a frame that is not OrbDeck's). */
  FORBIDDEN: 'FORBIDDEN',
  /** Allowed, but only after the person confirms (the detail's notes say what); the window asks, then repeats it. */
  NEEDS_CONFIRMATION: 'NEEDS_CONFIRMATION',
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  /** The window lost its connection to OrbDeck's core (headless host stopped, or reconnecting). */
  DISCONNECTED: 'DISCONNECTED',
  /** A request or an answer larger than the connection between window and core carries (shared/ipc/limits.ts). */
  TOO_LARGE: 'TOO_LARGE',
  INTERNAL: 'INTERNAL',
  // Working inside machines.
  /** A command run in a machine exited with a code other than 0 (the code is in the detail). */
  COMMAND_FAILED: 'COMMAND_FAILED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** What went wrong underneath, for the "Details" disclosure. Everything optional: not every error ran orbctl. */
export interface ErrorDetail {
  argv?: string[];
  exitCode?: number | null;
  signal?: string | null;
  stderr?: string;
  stdout?: string;
  durationMs?: number;
  /** For INVALID_INPUT: the dotted path of the offending field. */
  field?: string;
  /** Which of orbctl's known failures this was, as a stable word (e.g. `machine-not-found`). */
  reason?: string;
  /** Anything else worth showing (places searched, version found, …). */
  notes?: string[];
}

/** The serialisable form of an error, as it crosses IPC. */
export interface AppErrorData {
  code: ErrorCode;
  message: string;
  detail?: ErrorDetail;
}

/** A thrown error that carries a code and detail; the router turns it into an envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail | undefined;

  constructor(code: ErrorCode, message: string, detail?: ErrorDetail, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  /** Rebuilds an error that crossed IPC as data (the renderer's side of the envelope). */
  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.detail);
  }

  toData(): AppErrorData {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/**
 * Anything thrown, as error data: the one place an unknown error becomes INTERNAL with its message (the router,
 * the job manager, the machine store and the window all ask it).
 */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return { code: ErrorCode.INTERNAL, message: error instanceof Error ? error.message : String(error) };
}

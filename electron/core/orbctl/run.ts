/**
 * Runs one orbctl process: argv only (never a shell), stdin ignored, output collected, a timeout, and
 * cancellation through an AbortSignal. Stopping sends SIGINT first (orbctl's own Ctrl-C path), then SIGKILL
 * after a grace period, to the child's whole process group so nothing it started is left behind.
 * A process that ran to the end is returned whatever its exit code; mapping that to an error is errors.ts's job.
 */
import { execa } from 'execa';
import { AppError, type ErrorDetail } from '../../../shared/errors';

export interface RunRequest {
  file: string;
  args: readonly string[];
  env: Record<string, string>;
  timeoutMs: number;
  /** Time between SIGINT and SIGKILL when stopping. */
  killGraceMs: number;
  signal?: AbortSignal | undefined;
  /** Called once the process exists, e.g. so a job can watch an export's output file. */
  onSpawn?: ((pid: number) => void) | undefined;
  /** Words for messages: "orbctl start ubuntu". */
  label?: string | undefined;
  cwd?: string | undefined;
}

export interface RunResult {
  /** The binary, then the arguments. */
  argv: string[];
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  pid: number | undefined;
}

/** orbctl prints little; `logs --all` is the largest. Anything beyond this is not orbctl being normal. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** Process groups still running, killed if the app exits under them. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  });
}

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

export function detailOf(result: RunResult, extra: Partial<ErrorDetail> = {}): ErrorDetail {
  const detail: ErrorDetail = {
    argv: result.argv,
    exitCode: result.exitCode,
    signal: result.signal,
    stderr: result.stderr,
    durationMs: Math.round(result.durationMs),
    ...extra,
  };
  if (result.stdout !== '' && detail.stdout === undefined) detail.stdout = truncate(result.stdout);
  return detail;
}

function truncate(text: string, max = 64 * 1024): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

export async function runProcess(req: RunRequest): Promise<RunResult> {
  const argv = [req.file, ...req.args];
  const label = req.label ?? 'orbctl';
  if (req.signal?.aborted) {
    throw new AppError('CANCELLED', `${label} was cancelled before it started.`, { argv, durationMs: 0 });
  }
  installExitHook();
  const t0 = performance.now();
  const child = execa(req.file, req.args, {
    env: req.env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    // Own process group, so a stop reaches anything orbctl started, and so Ctrl-C in a terminal that
    // launched the app does not hit orbctl behind our back.
    detached: true,
    cleanup: false,
    stripFinalNewline: false,
    maxBuffer: MAX_OUTPUT_BYTES,
    windowsHide: true,
    ...(req.cwd === undefined ? {} : { cwd: req.cwd }),
  });
  const pid = child.pid;

  let stoppedFor: 'timeout' | 'cancelled' | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (why: 'timeout' | 'cancelled'): void => {
    if (stoppedFor !== undefined || pid === undefined) return;
    stoppedFor = why;
    signalGroup(pid, 'SIGINT');
    killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), req.killGraceMs);
  };
  const timer = setTimeout(() => stop('timeout'), req.timeoutMs);
  const onAbort = (): void => stop('cancelled');
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (pid !== undefined) {
    liveGroups.add(pid);
    try {
      req.onSpawn?.(pid);
    } catch {
      // A watcher's bug must not leave the process unsupervised.
    }
  }

  let raw: Awaited<typeof child>;
  try {
    raw = await child;
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
    if (killTimer !== undefined) clearTimeout(killTimer);
    if (pid !== undefined) {
      // After a stop, make sure nothing of the group outlives the call (a child that ignored SIGINT).
      if (stoppedFor !== undefined) signalGroup(pid, 'SIGKILL');
      liveGroups.delete(pid);
    }
  }

  const result: RunResult = {
    argv,
    exitCode: raw.exitCode ?? null,
    signal: raw.signal ?? null,
    stdout: typeof raw.stdout === 'string' ? raw.stdout : '',
    stderr: typeof raw.stderr === 'string' ? raw.stderr : '',
    durationMs: performance.now() - t0,
    pid,
  };

  if (stoppedFor === 'timeout') {
    throw new AppError(
      'TIMEOUT',
      `${label} did not finish within ${seconds(req.timeoutMs)} and was stopped.`,
      detailOf(result, { notes: [`timeout: ${req.timeoutMs} ms`] }),
    );
  }
  if (stoppedFor === 'cancelled') {
    throw new AppError('CANCELLED', `${label} was cancelled.`, detailOf(result));
  }
  if (raw.isMaxBuffer) {
    throw new AppError('BAD_OUTPUT', `${label} printed more output than OrbDeck accepts.`, detailOf(result));
  }
  if (pid === undefined || (raw.failed && raw.exitCode === undefined && raw.signal === undefined)) {
    throw spawnError(raw.code, req.file, result);
  }
  return result;
}

function spawnError(code: string | undefined, file: string, result: RunResult): AppError {
  if (code === 'ENOENT') {
    return new AppError('NOT_INSTALLED', `orbctl could not be started: '${file}' does not exist.`, {
      ...detailOf(result),
      notes: [`spawn error: ${code}`],
    });
  }
  if (code === 'EACCES') {
    return new AppError('NOT_INSTALLED', `orbctl could not be started: '${file}' is not executable.`, {
      ...detailOf(result),
      notes: [`spawn error: ${code}`],
    });
  }
  return new AppError('ORBCTL_FAILED', `orbctl could not be started (${code ?? 'unknown error'}).`, {
    ...detailOf(result),
    notes: [`spawn error: ${code ?? 'unknown'}`],
  });
}

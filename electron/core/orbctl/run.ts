/**
 * Runs one orbctl process: argv only (never a shell), stdin ignored, output collected, a timeout, and
 * cancellation through an AbortSignal. Stopping interrupts first (SIGINT, orbctl's own Ctrl-C path), then kills
 * after a grace period; with the default launcher both reach the child's whole process group, so nothing it
 * started is left behind. How the process is started is the launcher's business (launcher.ts).
 * A process that ran to the end is returned whatever its exit code; mapping that to an error is errors.ts's job.
 */
import { AppError, type ErrorDetail } from '../../../shared/errors';
import { execaLauncher, type LaunchedProcess, type OutputListener, type ProcessLauncher } from './launcher';

export type { ProcessLauncher } from './launcher';

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
  /** How the process is started; execa unless told otherwise (demo mode in the packaged app). */
  launcher?: ProcessLauncher | undefined;
  /** Told of output as it arrives (`orbctl run` shows it live). */
  onOutput?: OutputListener | undefined;
  /** Output (stdout or stderr) past which the process is stopped; MAX_OUTPUT_BYTES unless told. */
  maxOutputBytes?: number | undefined;
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

/** Processes still running, killed if the app exits under them. */
const live = new Set<LaunchedProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill();
  });
}

/**
 * What an error keeps of a run for its details. Output is cut to its first 64 K characters: an error travels to
 * every window in job events, and orbctl's own messages are a few lines (100 MB on stderr was kept whole).
 */
export function detailOf(result: RunResult, extra: Partial<ErrorDetail> = {}): ErrorDetail {
  const detail: ErrorDetail = {
    argv: result.argv,
    exitCode: result.exitCode,
    signal: result.signal,
    stderr: truncate(result.stderr),
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
  const launch = req.launcher ?? execaLauncher;
  const child = launch({
    file: req.file,
    args: req.args,
    env: req.env,
    cwd: req.cwd,
    maxOutputBytes: req.maxOutputBytes ?? MAX_OUTPUT_BYTES,
    onOutput: req.onOutput,
  });
  live.add(child);

  let stoppedFor: 'timeout' | 'cancelled' | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (why: 'timeout' | 'cancelled'): void => {
    if (stoppedFor !== undefined) return;
    stoppedFor = why;
    child.interrupt();
    killTimer = setTimeout(() => child.kill(), req.killGraceMs);
  };
  const timer = setTimeout(() => stop('timeout'), req.timeoutMs);
  const onAbort = (): void => stop('cancelled');
  req.signal?.addEventListener('abort', onAbort, { once: true });
  void child.spawned.then((pid) => {
    if (pid === undefined) return;
    try {
      req.onSpawn?.(pid);
    } catch {
      // A watcher's bug must not leave the process unsupervised.
    }
  });

  let raw: Awaited<LaunchedProcess['done']>;
  let pid: number | undefined;
  try {
    [raw, pid] = await Promise.all([child.done, child.spawned]);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
    if (killTimer !== undefined) clearTimeout(killTimer);
    // After a stop, make sure nothing of it outlives the call (a child of orbctl that ignored SIGINT).
    if (stoppedFor !== undefined) child.kill();
    live.delete(child);
  }

  const result: RunResult = {
    argv,
    exitCode: raw.exitCode,
    signal: raw.signal,
    stdout: raw.stdout,
    stderr: raw.stderr,
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
  if (raw.tooMuchOutput) {
    throw new AppError('BAD_OUTPUT', `${label} printed more output than OrbDeck accepts.`, detailOf(result));
  }
  if (raw.spawnError !== undefined) throw spawnError(raw.spawnError, req.file, result);
  return result;
}

function spawnError(code: string, file: string, result: RunResult): AppError {
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
  return new AppError('ORBCTL_FAILED', `orbctl could not be started (${code}).`, {
    ...detailOf(result),
    notes: [`spawn error: ${code}`],
  });
}

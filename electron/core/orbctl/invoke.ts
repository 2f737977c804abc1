/**
 * The plumbing under every adapter method: which orbctl, with which environment, how long it may take, and
 * running it inside the timing wrapper so every call is logged and recorded, failures mapped to AppErrors.
 */
import { getPriority, homedir, setPriority } from 'node:os';
import { AppError } from '../../../shared/errors';
import type { Timing, TimingRecord } from '../platform/timing';
import { DEFAULT_KILL_GRACE_MS, DEFAULT_TIMEOUTS_MS, type OrbctlCommand } from './commands';
import { failureOf, type OrbctlFailure } from './errors';
import { locateOrbctl, orbctlEnv, type FileProbe, type LocatedOrbctl } from './locate';
import type { OutputListener } from './launcher';
import { runProcess, type ProcessLauncher, type RunResult } from './run';

export interface OrbctlOptions {
  timing: Timing;
  /** Defaults to `process.env`; `ORBDECK_ORBCTL` in it wins over everything. */
  env?: Readonly<Record<string, string | undefined>>;
  home?: string;
  /** Folder relative paths are resolved against. */
  cwd?: string;
  /** The user's saved orbctl location. */
  savedPath?: string | null;
  /** Per-command timeout overrides (configuration). */
  timeouts?: Partial<Record<OrbctlCommand, number>>;
  /** SIGINT → SIGKILL grace when stopping orbctl. */
  killGraceMs?: number;
  probe?: (path: string) => FileProbe;
  /** How orbctl processes are started (run.ts); execa by default. */
  launcher?: ProcessLauncher;
  /** Told of every orbctl process started and ended (the journal of running jobs). */
  processes?: ProcessObserver;
  /**
   * Checks the orbctl saved in Settings before anything runs it (a file there may have been replaced since it
   * was chosen): words that follow its path ("did not answer “version” as orbctl does"), or null when it is
   * orbctl. A path chosen while OrbDeck runs was checked when it was chosen.
   */
  vetSavedPath?: (path: string) => Promise<string | null>;
}

/**
 * Watches orbctl processes come and go. `signal` is the call's own, which tells whose process it is (a job
 * passes its signal to every call). Must not throw; if it does, the call goes on regardless.
 */
export interface ProcessObserver {
  spawned(pid: number, argv: readonly string[], signal: AbortSignal | undefined): void;
  exited(pid: number): void;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the command's configured timeout for this call. */
  timeoutMs?: number;
  /** Called with the orbctl process id once it runs (e.g. to watch an export grow). */
  onSpawn?: (pid: number) => void;
  /** Log only failures (for polling). */
  quiet?: boolean;
  /**
   * Work nobody is waiting for (the disk sizes of rows off screen): the process runs at a lower CPU priority,
   * so a list poll or an action started meanwhile gets the processor first.
   */
  background?: boolean;
  /** Told of output as it arrives (`orbctl run`). */
  onOutput?: OutputListener;
  /** Told how the call ended, as the timing wrapper recorded it (its duration is the one to show). */
  onTimed?: (record: TimingRecord) => void;
}

export interface InvocationSpec {
  command: OrbctlCommand;
  args: string[];
  /** The timing op is `orbctl <what>`, e.g. `orbctl start ubuntu`. */
  what: string;
  machine?: string | undefined;
  file?: string | undefined;
  /** Exit codes that are answers, not failures (`status`). */
  answers?: readonly number[];
  /** Known failures that are an answer for this call (`default` with no machines): returned, not thrown. */
  expected?: readonly OrbctlFailure[];
  /**
   * The exit code is another program's (`run`: the command's): any code is an answer, unless orbctl's text names
   * one of these failures of its own. Only these: the command's stderr may say anything (even `Error: …`).
   */
  exitIsAnswerUnless?: readonly OrbctlFailure[];
}

export class OrbctlInvoker {
  /** The folder orbctl runs in, and the home folder its files live under. */
  readonly paths: { cwd: string; home: string };
  private readonly timing: Timing;
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly home: string;
  private readonly timeouts: Record<OrbctlCommand, number>;
  private readonly killGraceMs: number;
  private readonly probe: ((path: string) => FileProbe) | undefined;
  private readonly launcher: ProcessLauncher | undefined;
  private readonly processes: ProcessObserver | undefined;
  private readonly vetSavedPath: ((path: string) => Promise<string | null>) | undefined;
  /** The saved path's check, started at its first use. */
  private vetting: { path: string; problem: Promise<string | null> } | undefined;
  private savedPath: string | null;
  private located: { bin: LocatedOrbctl; env: Record<string, string> } | undefined;
  /** Told when the binary may have changed (the adapter forgets the version it read). */
  onForget: () => void = () => undefined;

  constructor(options: OrbctlOptions) {
    this.timing = options.timing;
    this.env = options.env ?? process.env;
    this.home = options.home ?? homedir();
    this.paths = { cwd: options.cwd ?? process.cwd(), home: this.home };
    this.timeouts = { ...DEFAULT_TIMEOUTS_MS, ...options.timeouts };
    this.killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    this.probe = options.probe;
    this.launcher = options.launcher;
    this.processes = options.processes;
    this.vetSavedPath = options.vetSavedPath;
    this.savedPath = options.savedPath ?? null;
  }

  /** Which orbctl is used (throws NOT_INSTALLED). Found once, then remembered until `setSavedPath`. */
  binary(): LocatedOrbctl {
    if (!this.located) {
      const bin = locateOrbctl({
        env: this.env,
        home: this.home,
        savedPath: this.savedPath,
        probe: this.probe,
      });
      this.located = { bin, env: orbctlEnv(this.env, this.home) };
    }
    return this.located.bin;
  }

  /** A path the person chose just now (and that was checked as it was chosen), or null to search again. */
  setSavedPath(path: string | null): void {
    this.savedPath = path;
    if (path !== null) this.vetting = { path, problem: Promise.resolve(null) };
    this.forget();
  }

  /** Throws NOT_INSTALLED, naming the reason, when the orbctl saved in Settings did not pass its check. */
  private async vetted(bin: LocatedOrbctl): Promise<void> {
    if (bin.source !== 'setting' || !this.vetSavedPath) return;
    if (this.vetting?.path !== bin.path) {
      const problem = this.vetSavedPath(bin.path).catch(
        (error: unknown) =>
          `could not be checked (${error instanceof Error ? error.message : String(error)})`,
      );
      this.vetting = { path: bin.path, problem };
    }
    const problem = await this.vetting.problem;
    if (problem === null) return;
    throw new AppError(
      'NOT_INSTALLED',
      `The orbctl saved in Settings ('${bin.path}') ${problem}, so OrbDeck does not run it. Choose orbctl again.`,
      { notes: [`the orbctl location in Settings: ${bin.path}`] },
    );
  }

  /**
   * Runs one orbctl command inside the timing wrapper. Resolves with the finished run when it succeeded (or
   * exited with one of `spec.answers`, or failed in a way `spec.expected` names, then saying which); rejects
   * with a typed AppError otherwise. `bytes` is asked after success and recorded with the timing.
   */
  run(
    spec: InvocationSpec,
    call: CallOptions,
    bytes?: () => number | Promise<number>,
  ): Promise<RunResult & { expected?: OrbctlFailure }> {
    const op = `orbctl ${spec.what}`;
    return this.timing.time(
      op,
      async (span) => {
        const bin = this.binary();
        await this.vetted(bin);
        const env = this.located?.env ?? orbctlEnv(this.env, this.home);
        let result: RunResult;
        let pid: number | undefined;
        try {
          result = await runProcess({
            file: bin.path,
            args: spec.args,
            env,
            timeoutMs: call.timeoutMs ?? this.timeouts[spec.command],
            killGraceMs: this.killGraceMs,
            signal: call.signal,
            onSpawn: (spawned) => {
              pid = spawned;
              if (call.background) lowerPriority(spawned);
              this.observe((o) => o.spawned(spawned, [bin.path, ...spec.args], call.signal));
              call.onSpawn?.(spawned);
            },
            label: op,
            cwd: this.paths.cwd,
            launcher: this.launcher,
            onOutput: call.onOutput,
          });
        } catch (error) {
          // The binary vanished (OrbStack uninstalled?): look again next time.
          if (error instanceof AppError && error.code === 'NOT_INSTALLED') this.forget();
          throw error;
        } finally {
          const exited = pid;
          if (exited !== undefined) this.observe((o) => o.exited(exited));
        }
        const isAnswer = result.exitCode !== null && (spec.answers ?? []).includes(result.exitCode);
        let failure = isAnswer
          ? null
          : failureOf(result, { command: spec.command, machine: spec.machine, file: spec.file });
        const own = failure?.detail?.reason;
        const ownFailure = own !== undefined && (spec.exitIsAnswerUnless ?? []).some((f) => f === own);
        if (spec.exitIsAnswerUnless && result.exitCode !== null && !ownFailure) failure = null;
        const expected = spec.expected?.find((f) => f === failure?.detail?.reason);
        if (expected) return { ...result, expected };
        if (failure) throw failure;
        if (bytes) span.setBytes(await bytes());
        return result;
      },
      {
        kind: spec.command,
        machine: spec.machine,
        log: call.quiet === true ? 'failures' : 'all',
        ...(call.onTimed ? { onRecord: call.onTimed } : {}),
      },
    );
  }

  private observe(tell: (observer: ProcessObserver) => void): void {
    if (!this.processes) return;
    try {
      tell(this.processes);
    } catch {
      // Watching is a side concern: the call itself goes on.
    }
  }

  private forget(): void {
    this.located = undefined;
    this.onForget();
  }
}

/**
 * How much nicer than the app a background call runs: it still runs, at about a tenth of a normal process's
 * share of a busy processor. 19 is the lowest priority there is.
 */
const BACKGROUND_NICE = 10;

function lowerPriority(pid: number): void {
  try {
    setPriority(pid, Math.min(19, getPriority(pid) + BACKGROUND_NICE));
  } catch {
    // It may have exited already; a priority is a hint, the call goes on either way.
  }
}

/**
 * The orbctl adapter: one typed method per machine command of docs/orbctl.md. Every method validates its input
 * first (nothing is spawned for what can be refused here), checks the version gate, runs orbctl through the
 * timing wrapper with a timeout and optional cancellation (invoke.ts), and turns the outcome into data or a
 * typed AppError.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, ErrorCode } from '../../../shared/errors';
import type {
  Machine,
  MachineInfo,
  MachineLimits,
  OrbctlCapabilities,
  OrbctlVersion,
  SshDetails,
} from '../../../shared/machine';
import * as argv from './argv';
import type { RunArgs } from './argv';
import type { OrbctlCommand } from './commands';
import { OrbctlInvoker, type CallOptions, type InvocationSpec, type OrbctlOptions } from './invoke';
import type { LocatedOrbctl } from './locate';
import { parseInfoJson, parseListJson } from './parse';
import { parseMachineLimits } from './parse-config';
import { absolutePath, checkReadableFile, checkReadablePath } from '../file-access/paths';
import type { OrbctlFailure } from './errors';
import { detailOf, type RunResult } from './run';
import { checkMachineRef, checkUser } from './validate';
import { capabilitiesOf, parseVersionOrThrow, requireFeature, type OrbctlFeature } from './version';

export type { CallOptions, OrbctlOptions } from './invoke';
export type CreateRequest = argv.CreateArgs;
export type Limits = argv.Limits;
export type OrbStackStatus = 'running' | 'starting' | 'stopped';

/** `orbctl ssh` prints static instructions (docs/orbctl.md#ssh); these are its values. */
export const ORB_SSH_HOST = 'orb';
export const ORB_SSH_PORT = 32222;

export class Orbctl {
  private readonly invoker: OrbctlInvoker;
  private versionPromise: Promise<OrbctlVersion> | undefined;

  constructor(options: OrbctlOptions) {
    this.invoker = new OrbctlInvoker(options);
    this.invoker.onForget = () => {
      this.versionPromise = undefined;
    };
  }

  /** Which orbctl is used (throws NOT_INSTALLED). Found once, then remembered until `setSavedPath`. */
  binary(): LocatedOrbctl {
    return this.invoker.binary();
  }

  /** The user chose (or cleared) an orbctl location: forget the binary and its version. */
  setSavedPath(path: string | null): void {
    this.invoker.setSavedPath(path);
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The same text as the last answer is the same list, returned as it was (the same frozen array)
   * without parsing it again; a poller can tell "nothing changed" by the reference alone.
   */
  async list(call: CallOptions = {}): Promise<readonly Machine[]> {
    const r = await this.run({ command: 'list', args: argv.listArgs(), what: 'list' }, call);
    if (this.lastList?.stdout === r.stdout) return this.lastList.machines;
    const machines = Object.freeze(parseListJson(r.stdout, detailOf(r)).map((m) => Object.freeze(m)));
    this.lastList = { stdout: r.stdout, machines };
    return machines;
  }
  private lastList: { stdout: string; machines: readonly Machine[] } | null = null;

  /**
   * `orbctl info`. Calls with no options of their own that ask about the same machine while one is under way
   * share its answer (the inspector's details and its ssh command ask together when a row is selected).
   */
  async info(machine: string, call: CallOptions = {}): Promise<MachineInfo> {
    if (Object.keys(call).length > 0) return this.readInfo(machine, call);
    const underWay = this.infoUnderWay.get(machine);
    if (underWay) return underWay;
    const answer = this.readInfo(machine, call).finally(() => this.infoUnderWay.delete(machine));
    this.infoUnderWay.set(machine, answer);
    return answer;
  }
  private readonly infoUnderWay = new Map<string, Promise<MachineInfo>>();

  private async readInfo(machine: string, call: CallOptions): Promise<MachineInfo> {
    const args = argv.infoArgs(machine);
    const r = await this.run({ command: 'info', args, what: `info ${machine}`, machine }, call);
    return parseInfoJson(r.stdout, detailOf(r));
  }

  /** The default machine, or null when there are no machines. Note: when none is set, orbctl picks one and saves it. */
  async getDefault(call: CallOptions = {}): Promise<string | null> {
    const spec: InvocationSpec = {
      command: 'default',
      args: argv.defaultGetArgs(),
      what: 'default',
      expected: ['no-machines'],
    };
    const r = await this.run(spec, call);
    return r.expected ? null : r.stdout.trim() || null;
  }

  async setDefault(machine: string, call: CallOptions = {}): Promise<void> {
    const args = argv.defaultSetArgs(machine);
    await this.run({ command: 'default', args, what: `default ${machine}`, machine }, call);
  }

  async logs(machine: string, options: CallOptions & { all?: boolean } = {}): Promise<string> {
    const args = argv.logsArgs(machine, options.all ?? false);
    const r = await this.run({ command: 'logs', args, what: `logs ${machine}`, machine }, options);
    return r.stdout;
  }

  /** Parsed once per adapter (and again after `setSavedPath`); a failed read is retried next time. */
  version(call: CallOptions = {}): Promise<OrbctlVersion> {
    this.versionPromise ??= this.run({ command: 'version', args: argv.versionArgs(), what: 'version' }, call)
      .then((r) => parseVersionOrThrow(r.stdout, detailOf(r)))
      .catch((error: unknown) => {
        this.versionPromise = undefined;
        throw error;
      });
    return this.versionPromise;
  }

  async capabilities(call: CallOptions = {}): Promise<OrbctlCapabilities> {
    return capabilitiesOf(await this.version(call));
  }

  /** OrbStack itself: `Running` (exit 0), `Starting` (2), `Stopped` (1). Does not start OrbStack. */
  async status(call: CallOptions = {}): Promise<OrbStackStatus> {
    const spec: InvocationSpec = {
      command: 'status',
      args: argv.statusArgs(),
      what: 'status',
      answers: [1, 2],
    };
    const r = await this.run(spec, call);
    const word = r.stdout.trim().toLowerCase();
    if (word === 'running' || word === 'starting' || word === 'stopped') return word;
    const byCode: Record<number, OrbStackStatus> = { 0: 'running', 1: 'stopped', 2: 'starting' };
    const status = r.exitCode === null ? undefined : byCode[r.exitCode];
    if (status) return status;
    throw new AppError('BAD_OUTPUT', 'OrbDeck could not read the status orbctl printed.', detailOf(r));
  }

  /** `config get machine.NAME.username`; null when orbctl prints nothing. */
  async getUsername(machine: string, call: CallOptions = {}): Promise<string | null> {
    const args = argv.configGetUsernameArgs(machine);
    const r = await this.run({ command: 'config', args, what: `config get ${args[2]}`, machine }, call);
    return r.stdout.trim() || null;
  }

  async setUsername(machine: string, user: string, call: CallOptions = {}): Promise<void> {
    const args = argv.configSetUsernameArgs(machine, user);
    await this.run({ command: 'config', args, what: `config set ${args[2]}`, machine }, call);
  }

  /**
   * Every machine's limits from one `config show` (orbctl ≥ 2.2): machine name → limits. A machine that is not
   * in the map has none.
   */
  async machineLimits(call: CallOptions = {}): Promise<Map<string, MachineLimits>> {
    await this.gate('resourceLimits', call);
    const args = argv.configShowArgs();
    const r = await this.run({ command: 'config', args, what: 'config show' }, call);
    return parseMachineLimits(r.stdout);
  }

  /** Sets the limits given, one `config set` each (orbctl ≥ 2.2); they apply when the machine next starts. */
  async setLimits(machine: string, limits: argv.Limits, call: CallOptions = {}): Promise<void> {
    const calls = argv.configSetLimitsArgs(machine, limits);
    await this.gate('resourceLimits', call);
    for (const args of calls) {
      await this.run({ command: 'config', args, what: `config set ${args[2]}`, machine }, call);
    }
  }

  /**
   * How to reach the machine over SSH, from the static values `orbctl ssh` prints (host `orb`, port 32222,
   * `ssh USER@MACHINE@orb`, key `~/.orbstack/ssh/id_ed25519`). Without a user, the machine's default user.
   */
  async sshDetails(machine: string, options: CallOptions & { user?: string } = {}): Promise<SshDetails> {
    checkMachineRef(machine);
    const user =
      options.user !== undefined ? checkUser(options.user) : (await this.info(machine, options)).defaultUser;
    return {
      host: ORB_SSH_HOST,
      port: ORB_SSH_PORT,
      user,
      command: user ? `ssh ${user}@${machine}@${ORB_SSH_HOST}` : `ssh ${machine}@${ORB_SSH_HOST}`,
      keyPath: join(this.invoker.paths.home, '.orbstack', 'ssh', 'id_ed25519'),
    };
  }

  // ── Changing ─────────────────────────────────────────────────────────────────────────────────────────────

  async create(req: CreateRequest, call: CallOptions = {}): Promise<void> {
    const cloudInitFile =
      req.cloudInitFile === undefined
        ? undefined
        : (await checkReadableFile(req.cloudInitFile, 'cloudInitFile')).path;
    const args = argv.createArgs({ ...req, cloudInitFile });
    if (req.isolated === true) await this.gate('isolated', call);
    if (req.cpus !== undefined || req.memory !== undefined || req.disk !== undefined) {
      await this.gate('resourceLimits', call);
    }
    await this.run(
      { command: 'create', args, what: `create ${req.name}`, machine: req.name, file: cloudInitFile },
      call,
    );
  }

  /** Starts OrbStack itself; already running is fine (orbctl says so on stderr, exit 0). */
  async startOrbStack(call: CallOptions = {}): Promise<void> {
    await this.run({ command: 'start', args: argv.startOrbStackArgs(), what: 'start (OrbStack)' }, call);
  }

  async start(machine: string, call: CallOptions = {}): Promise<void> {
    await this.simple('start', argv.startArgs(machine), machine, call);
  }

  async stop(machine: string, call: CallOptions = {}): Promise<void> {
    await this.simple('stop', argv.stopArgs(machine), machine, call);
  }

  async restart(machine: string, call: CallOptions = {}): Promise<void> {
    await this.simple('restart', argv.restartArgs(machine), machine, call);
  }

  /** Deletes without a prompt (`-f`); the UI has already asked. A running machine is stopped first by orbctl. */
  async delete(machine: string, call: CallOptions = {}): Promise<void> {
    await this.simple('delete', argv.deleteArgs(machine), machine, call);
  }

  async rename(machine: string, newName: string, call: CallOptions = {}): Promise<void> {
    const args = argv.renameArgs(machine, newName);
    await this.run({ command: 'rename', args, what: `rename ${machine} ${newName}`, machine }, call);
  }

  /** The new machine is left stopped (docs/orbctl.md#resulting-states). */
  async clone(source: string, newName: string, call: CallOptions = {}): Promise<void> {
    const args = argv.cloneArgs(source, newName);
    await this.gate('clone', call);
    await this.run({ command: 'clone', args, what: `clone ${source} ${newName}`, machine: source }, call);
  }

  /**
   * Writes the machine to `file` (allowed while it runs); orbctl replaces whatever is there. What may be
   * written where, and the partial file around it, belong to files/export-target.ts.
   */
  async export(
    machine: string,
    file: string,
    call: CallOptions = {},
  ): Promise<{ path: string; bytes: number }> {
    checkMachineRef(machine);
    const path = absolutePath(file, 'file');
    const args = argv.exportArgs(machine, path);
    await this.gate('export', call);
    const spec: InvocationSpec = { command: 'export', args, what: `export ${machine}`, machine, file: path };
    await this.run(spec, call, async () => (await stat(path)).size);
    return { path, bytes: (await stat(path)).size };
  }

  /** Imports an export file; without `name` the machine gets the name stored in the file. Left stopped. */
  async import(file: string, options: CallOptions & { name?: string } = {}): Promise<void> {
    const { path, size } = await checkReadableFile(file, 'file');
    const args = argv.importArgs(path, options.name);
    await this.gate('import', options);
    const what = `import ${options.name ?? basename(path)}`;
    await this.run({ command: 'import', args, what, machine: options.name, file: path }, options, () => size);
  }

  /** Copies files or folders into the machine; `dest` is relative to the Linux user's home (default: home). */
  async push(
    machine: string,
    files: readonly string[],
    options: CallOptions & { dest?: string } = {},
  ): Promise<void> {
    checkMachineRef(machine);
    const sources: string[] = [];
    for (const [i, f] of files.entries()) sources.push(await checkReadablePath(f, `files.${i}`));
    const args = argv.pushArgs(machine, sources, options.dest);
    await this.run({ command: 'push', args, what: `push ${machine}`, machine }, options);
  }

  // Run and pull.

  /**
   * Runs a command line in the machine's shell (argv.ts#runArgs). Any exit code is the command's answer; only
   * orbctl's own failures (no such machine, OrbStack not running) throw. Output streams through `onOutput`.
   */
  async runCommand(
    machine: string,
    line: string,
    options: CallOptions & RunArgs = {},
  ): Promise<{ exitCode: number | null; durationMs: number }> {
    const args = argv.runArgs(machine, line, options);
    let durationMs: number | undefined;
    const r = await this.run(
      {
        command: 'run',
        args,
        what: `run ${machine}`,
        machine,
        exitIsAnswerUnless: ['machine-not-found', 'no-machines', 'orbstack-not-running'],
      },
      {
        ...options,
        onTimed: (record) => {
          durationMs = record.durationMs;
          options.onTimed?.(record);
        },
      },
    );
    return { exitCode: r.exitCode, durationMs: durationMs ?? r.durationMs };
  }

  /** Copies `source` (in the machine, relative to the user's home or absolute) to `dest` on this computer. */
  async pull(
    machine: string,
    source: string,
    dest: string,
    call: CallOptions = {},
  ): Promise<{ bytes: number }> {
    const path = absolutePath(dest, 'dest');
    const args = argv.pullArgs(machine, source, path);
    const spec: InvocationSpec = { command: 'pull', args, what: `pull ${machine}`, machine, file: path };
    let bytes = 0;
    // A copy that ended well has left something at `dest`; when nothing is there, orbctl's success is not one.
    await this.run(spec, call, async () => {
      const copied = await stat(path).catch(() => null);
      if (!copied) {
        throw new AppError(
          ErrorCode.ORBCTL_FAILED,
          `orbctl pull ended without an error but copied nothing from '${source}'.`,
          { argv: [this.binary().path, ...args], exitCode: 0, notes: [`nothing at ${path}`] },
        );
      }
      bytes = copied.size;
      return bytes;
    });
    return { bytes };
  }

  // ── Plumbing ─────────────────────────────────────────────────────────────────────────────────────────────

  private run(
    spec: InvocationSpec,
    call: CallOptions,
    bytes?: () => number | Promise<number>,
  ): Promise<RunResult & { expected?: OrbctlFailure }> {
    return this.invoker.run(spec, call, bytes);
  }

  private async simple(
    command: OrbctlCommand,
    args: string[],
    machine: string,
    call: CallOptions,
  ): Promise<void> {
    await this.run({ command, args, what: `${command} ${machine}`, machine }, call);
  }

  private async gate(feature: OrbctlFeature, call: CallOptions): Promise<void> {
    // The shared version read is not tied to this call's signal: one caller's cancel must not fail another's.
    const { signal: _signal, onSpawn: _onSpawn, ...rest } = call;
    requireFeature(await this.version(rest), feature);
  }
}

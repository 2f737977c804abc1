/**
 * The usage feature as one object: it reads machines' insides with `orbctl run` when the sampler says so,
 * keeps what it read (usage-book.ts), records disk sizes over time (disk-history.ts), tells the person once
 * when a machine's filesystem is nearly full, and answers the windows' questions.
 */
import { join } from 'node:path';
import { formatBytes } from '../../../shared/byte-size';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Machine } from '../../../shared/machine';
import { activeJobsFor } from '../../../shared/machine-actions';
import {
  DISK_FULL_PERCENT,
  type FolderSizes,
  type MachineUsage,
  type UsageSample,
} from '../../../shared/usage';
import type { JobManager } from '../jobs/job-manager';
import type { Machines } from '../machines/machines';
import type { Orbctl } from '../orbctl';
import type { EventHub } from '../platform/events';
import type { Notices } from '../platform/notices';
import { DiskHistory } from './disk-history';
import { parseFolderSizes } from './folder-sizes';
import { readPortsWithPrograms, readSample, type LineOutput } from './sample-reading';
import { UsageBook } from './usage-book';
import { UsageSampler, type ReadingKind } from './usage-sampler';
import { largestFoldersLine, PORTS_LINE, SAMPLE_LINE } from './usage-scripts';
import { DESKTOP_WINDOWS, UsageWatchers } from './usage-watchers';

/** A reading prints a few kilobytes in a fraction of a second; one that hangs is stopped. */
const READING_TIMEOUT_MS = 15_000;
/** `du` walks the whole filesystem. */
const FOLDERS_TIMEOUT_MS = 120_000;
const MAX_OUTPUT = 512 * 1024;
/** Below this again, a machine that was nearly full may be told about once more. */
const DISK_CLEAR_PERCENT = DISK_FULL_PERCENT - 5;

export interface MachineInsidesDeps {
  orbctl: Orbctl;
  machines: Machines;
  jobs: JobManager;
  events: EventHub;
  notices: Notices;
  dataDir: string;
  home: string;
  /** Whether a headless window (by its connection) is visible; the desktop app's windows follow `machines`. */
  clientVisible(client: string): boolean;
  onProblem?(problem: string): void;
  now?: () => number;
}

export class MachineInsides {
  readonly watchers: UsageWatchers;
  readonly sampler: UsageSampler;
  private readonly book: UsageBook;
  private readonly disks: DiskHistory;
  private readonly now: () => number;
  private readonly nearlyFull = new Set<string>();
  private readonly disposers: Array<() => void> = [];

  constructor(private readonly deps: MachineInsidesDeps) {
    this.now = deps.now ?? Date.now;
    const { machines } = deps;
    this.book = new UsageBook(deps.events, () => this.runningNames(), this.now);
    this.disks = new DiskHistory(join(deps.dataDir, 'disk-history.jsonl'), {
      now: this.now,
      ...(deps.onProblem ? { onProblem: deps.onProblem } : {}),
    });
    this.watchers = new UsageWatchers((client) =>
      client === DESKTOP_WINDOWS ? machines.isVisible() : machines.isVisible() && deps.clientVisible(client),
    );
    this.sampler = new UsageSampler({
      watchers: this.watchers,
      anyVisible: () => machines.isVisible(),
      snapshot: () => machines.snapshot(),
      refresh: () => machines.fresh(),
      busy: (name) => activeJobsFor(deps.jobs.list(), name)[0]?.title ?? null,
      read: (name, kind, background) => this.read(name, kind, background),
      unavailable: (name, reason) => this.book.unavailable(name, reason),
      portsSeenAt: (name) => this.book.portsSeenAt(name),
      now: this.now,
    });
    this.disposers.push(
      machines.onVisibility(() => this.sampler.wake()),
      machines.onChanged((snapshot) => this.machinesChanged(snapshot.machines)),
    );
  }

  dispose(): void {
    this.sampler.stop();
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Everything known of the machine's inside now. */
  async view(name: string): Promise<MachineUsage> {
    const machine = (await this.deps.machines.settledSnapshot()).machines.find((m) => m.name === name);
    if (!machine) throw new AppError(ErrorCode.NOT_FOUND, `There is no machine “${name}”.`);
    const inside = this.book.get(name);
    return {
      name,
      unavailable:
        machine.state !== 'running' ? `${name} is ${machine.state}.` : (inside?.unavailable ?? null),
      latest: inside?.latest ?? null,
      history: [...(inside?.history ?? [])],
      portsReading: inside?.portsReading ?? null,
      ...this.book.conflicts(name),
      disk: this.disks.trend(machine.id),
      filesPath: this.filesPath(name),
    };
  }

  /** OrbStack's mount of the machine's files on the Mac. */
  filesPath(name: string): string {
    return join(this.deps.home, 'OrbStack', name);
  }

  /** The largest folders under `path` in the machine: one `du` run, on request only. */
  async largestFolders(name: string, path: string): Promise<FolderSizes> {
    const machine = (await this.deps.machines.settledSnapshot()).machines.find((m) => m.name === name);
    if (machine?.state !== 'running')
      throw new AppError(
        ErrorCode.INVALID_INPUT,
        machine
          ? `${name} is ${machine.state}: start it to measure its folders.`
          : `There is no machine “${name}”.`,
      );
    const output = await this.run(name, largestFoldersLine(path), FOLDERS_TIMEOUT_MS, false);
    return parseFolderSizes(path, output.stdout, output.stderr, this.now());
  }

  private async read(name: string, kind: ReadingKind, background: boolean): Promise<void> {
    try {
      const output = await this.run(
        name,
        kind === 'ports' ? PORTS_LINE : SAMPLE_LINE,
        READING_TIMEOUT_MS,
        background,
      );
      if (kind === 'ports') return this.book.portsRead(name, readPortsWithPrograms(output, this.now()));
      const { sample, cpuTimes } = readSample(output, this.book.cpuTimes(name), this.now());
      this.book.sampled(name, sample, cpuTimes);
      this.checkFull(name, sample);
    } catch (error) {
      this.book.unavailable(name, error instanceof Error ? error.message : String(error));
    }
  }

  private async run(name: string, line: string, timeoutMs: number, background: boolean): Promise<LineOutput> {
    let stdout = '';
    let stderr = '';
    const { exitCode } = await this.deps.orbctl.runCommand(name, line, {
      user: 'root',
      quiet: true,
      background,
      timeoutMs,
      onOutput: (stream, chunk) => {
        if (stream === 'stdout') stdout = (stdout + chunk).slice(-MAX_OUTPUT);
        else stderr = (stderr + chunk).slice(-MAX_OUTPUT);
      },
    });
    return { stdout, stderr, exitCode };
  }

  /** A filesystem at DISK_FULL_PERCENT or more is said once (until it has room again). */
  private checkFull(name: string, sample: UsageSample): void {
    if (!sample.filesystem.ok) return;
    const { usedPercent, freeBytes } = sample.filesystem.value;
    if (usedPercent < DISK_CLEAR_PERCENT) this.nearlyFull.delete(name);
    if (usedPercent < DISK_FULL_PERCENT || this.nearlyFull.has(name)) return;
    this.nearlyFull.add(name);
    this.deps.notices.add(
      'warning',
      `${name}’s filesystem is ${usedPercent} % full (${formatBytes(freeBytes)} free).`,
      `disk-full:${name}`,
    );
  }

  private machinesChanged(machines: readonly Machine[]): void {
    this.book.keepOnly(new Set(machines.map((m) => m.name)));
    for (const m of machines) if (typeof m.diskSize === 'number') this.disks.note(m.id, m.name, m.diskSize);
  }

  private runningNames(): Set<string> {
    return new Set(
      this.deps.machines
        .snapshot()
        .machines.filter((m) => m.state === 'running')
        .map((m) => m.name),
    );
  }
}

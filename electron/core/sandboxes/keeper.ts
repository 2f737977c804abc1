/**
 * Keeps the sandboxes going without anyone asking: follows their machines (renames, resets, deletions), takes a
 * sandbox's golden checkpoint once its cloud-init is done, and acts on time limits (a warning with "Extend 1
 * Hour", then the reset or deletion, each said in a notice).
 */
import { toErrorData, type AppErrorData } from '../../../shared/errors';
import type { Job } from '../../../shared/jobs';
import {
  extended,
  timeLeftWords,
  timeLimitFrom,
  type SandboxRecord,
  type TimeLimitRequest,
} from '../../../shared/sandboxes';
import type { JobManager, JobSpec } from '../jobs/job-manager';
import { powerJob } from '../machines/machine-jobs';
import type { Machines } from '../machines/machines';
import type { SetupWatch } from '../machines/setup-watch';
import type { EventHub } from '../platform/events';
import type { Notices } from '../platform/notices';
import { deleteSandboxJob, goldenJob, resetJob, type SandboxJobDeps } from './sandbox-jobs';
import { TimeLimits } from './time-limits';

export interface SandboxKeeperDeps extends SandboxJobDeps {
  jobs: JobManager;
  machines: Machines;
  setup: Pick<SetupWatch, 'list' | 'started'>;
  events: EventHub;
  notices: Notices;
}

const q = (name: string) => `“${name}”`;

export class SandboxKeeper {
  private readonly limits: TimeLimits;
  private readonly offs: Array<() => void>;
  private started = false;

  constructor(private readonly deps: SandboxKeeperDeps) {
    this.limits = new TimeLimits({
      list: () => deps.sandboxes.list(),
      warn: (record) => this.warn(record),
      end: (record, late) => this.end(record, late),
      ...(deps.now ? { now: deps.now } : {}),
    });
    this.offs = [
      deps.machines.onChanged((snapshot) => {
        deps.sandboxes.follow(snapshot.machines, snapshot.updatedAt !== null, deps.goldens);
        if (snapshot.updatedAt !== null && !snapshot.lastError) this.firstList();
      }),
      deps.events.on('setup:changed', () => this.afterSetup()),
      deps.events.on('sandboxes:changed', () => this.limits.schedule()),
    ];
  }

  /** A sandbox was just created: its golden checkpoint now, or once its cloud-init is done. */
  created(record: SandboxRecord): void {
    if (record.state === 'saving-golden') this.saveGolden(record);
    else this.afterSetup();
  }

  /** Takes (or takes again) the sandbox's golden checkpoint, as a job; null (and said in `problem`) when it cannot. */
  async saveGolden(record: SandboxRecord): Promise<Job | null> {
    try {
      const spec = await goldenJob(record, this.deps);
      this.deps.sandboxes.update(record.id, { state: 'saving-golden' });
      return this.deps.jobs.submit(spec);
    } catch (error) {
      this.noGolden(record, toErrorData(error));
      return null;
    }
  }

  /** Another hour (or `seconds`) before the sandbox's time runs out. */
  extend(record: SandboxRecord, seconds?: number): SandboxRecord | undefined {
    if (!record.timeLimit) return record;
    const now = this.deps.now?.() ?? Date.now();
    return this.deps.sandboxes.update(record.id, { timeLimit: extended(record.timeLimit, now, seconds) });
  }

  setTimeLimit(record: SandboxRecord, limit: TimeLimitRequest | null): SandboxRecord | undefined {
    const now = this.deps.now?.() ?? Date.now();
    return this.deps.sandboxes.update(record.id, { timeLimit: limit ? timeLimitFrom(now, limit) : null });
  }

  dispose(): void {
    this.limits.stop();
    this.offs.forEach((off) => off());
  }

  /** The first good machine list of this run: what was left half-done when OrbDeck last quit goes on. */
  private firstList(): void {
    if (this.started) return;
    this.started = true;
    for (const record of this.deps.sandboxes.list()) {
      if (record.state === 'saving-golden') void this.saveGolden(record);
    }
    this.afterSetup();
    this.limits.start();
  }

  /** Sandboxes whose cloud-init has ended: the golden checkpoint, or why there is none. */
  private afterSetup(): void {
    const setups = new Map(this.deps.setup.list().map((s) => [s.id, s]));
    for (const record of this.deps.sandboxes.list()) {
      if (record.state !== 'setting-up') continue;
      const setup = setups.get(record.id);
      if (!setup) void this.saveGolden(record);
      else if (setup.state === 'failed') {
        this.deps.sandboxes.update(record.id, {
          state: 'no-golden',
          problem:
            'Its cloud-init failed, so no golden checkpoint was taken. Save Golden keeps the state it has now.',
        });
      }
    }
  }

  private noGolden(record: SandboxRecord, error: AppErrorData): void {
    this.deps.sandboxes.update(record.id, {
      state: record.golden ? 'ready' : 'no-golden',
      problem: `The golden checkpoint could not be saved: ${error.message}`,
    });
  }

  private warn(record: SandboxRecord): void {
    const limit = record.timeLimit!;
    this.deps.sandboxes.update(record.id, { timeLimit: { ...limit, warned: true } });
    const left = timeLeftWords(limit.endsAt - (this.deps.now?.() ?? Date.now()));
    this.deps.notices.add(
      'warning',
      `The sandbox ${q(record.name)} will be ${limit.then === 'reset' ? 'reset' : 'deleted'} ${left}, when its time limit runs out.`,
      undefined,
      { label: 'Extend 1 Hour', command: { command: 'extend-sandbox', machine: record.name } },
    );
  }

  private end(record: SandboxRecord, late: boolean): void {
    const limit = record.timeLimit!;
    this.deps.sandboxes.update(record.id, { timeLimit: null });
    const when = late ? ' while OrbDeck was not running' : '';
    const say = (words: string) =>
      this.deps.notices.add(
        'info',
        `The time limit of the sandbox ${q(record.name)} ran out${when}: ${words}`,
      );
    const submit = (spec: JobSpec, words: string) => {
      this.deps.jobs.submit(spec);
      say(words);
    };
    if (limit.then === 'delete') {
      submit(deleteSandboxJob(record, this.deps, 'Time ran out: '), 'it is being deleted.');
      return;
    }
    void resetJob(record, this.deps, 'Time ran out: ').then(
      (spec) => submit(spec, 'it is being reset to its golden checkpoint.'),
      () =>
        submit(
          powerJob('stop', record.name, this.deps),
          'it has no golden checkpoint to go back to, so it is being stopped instead.',
        ),
    );
  }
}

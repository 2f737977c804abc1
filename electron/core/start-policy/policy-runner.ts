/**
 * Starts the machines that start with OrbDeck, once per run, as soon as OrbStack answers (the first good machine
 * list), and stops those that stop when OrbDeck quits, waiting for their stops before the core goes. Both are
 * ordinary jobs, seen in Activity and History.
 */
import { isFinished, type Job } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import type { StartPolicy } from '../../../shared/start-policy';
import type { JobManager } from '../jobs/job-manager';
import { powerJob, type MachineJobDeps } from '../machines/machine-jobs';
import type { Machines } from '../machines/machines';
import type { EventHub } from '../platform/events';
import type { PolicyStore } from './policy-store';

export interface PolicyRunnerDeps extends MachineJobDeps {
  policies: PolicyStore;
  jobs: JobManager;
  machines: Pick<Machines, 'refresh' | 'actionBegins' | 'onChanged'>;
  events: EventHub;
}

export class PolicyRunner {
  private started = false;
  private readonly off: () => void;

  constructor(private readonly deps: PolicyRunnerDeps) {
    this.off = deps.machines.onChanged((snapshot) => {
      deps.policies.follow(snapshot.machines, snapshot.updatedAt !== null);
      if (this.started || snapshot.updatedAt === null || snapshot.lastError) return;
      this.started = true;
      this.power(snapshot.machines, 'startWithApp', 'stopped', 'start');
    });
  }

  /** Starts every stopped machine whose policy says so and that has nothing else under way. */
  async startAll(): Promise<Job[]> {
    return this.power((await this.deps.machines.refresh()).machines, 'startWithApp', 'stopped', 'start');
  }

  /** Stops every running machine whose policy says so and that has nothing else under way. */
  async stopAll(): Promise<Job[]> {
    return this.power((await this.deps.machines.refresh()).machines, 'stopOnQuit', 'running', 'stop');
  }

  /** As OrbDeck quits: the stops, and their ends. */
  async atQuit(): Promise<void> {
    this.off();
    const ids = new Set((await this.stopAll()).map((j) => j.id));
    if (ids.size === 0) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        for (const id of ids) if (isFinished(this.deps.jobs.get(id))) ids.delete(id);
        if (ids.size > 0) return;
        stop();
        resolve();
      };
      const stop = this.deps.events.on('jobs:changed', check);
      check();
    });
  }

  private power(
    machines: readonly Machine[],
    key: keyof StartPolicy,
    from: string,
    action: 'start' | 'stop',
  ): Job[] {
    const wanted = new Set(
      this.deps.policies
        .list()
        .filter((p) => p[key])
        .map((p) => p.id),
    );
    return machines
      .filter((m) => wanted.has(m.id) && m.state === from && this.deps.jobs.activeFor(m.name).length === 0)
      .map((m) => this.deps.jobs.submit(powerJob(action, m.name, this.deps)));
  }
}

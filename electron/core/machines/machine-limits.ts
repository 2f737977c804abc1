/**
 * Each machine's CPU, memory and disk limits, read where orbctl keeps them (one `config show` for every machine,
 * docs/orbctl.md#config) once per change, never per poll: the answer is kept until a job that can change them
 * ends (a create, a clone, an import, a rename, a change of limits, …; `changesLimits` in shared/jobs.ts) or the
 * person asks for a refresh.
 */
import { changesLimits, isFinished, type Job } from '../../../shared/jobs';
import type { MachineLimits, MachineLimitsAnswer } from '../../../shared/machine';
import type { EventHub } from '../platform/events';
import { NO_LIMITS } from '../orbctl/parse-config';

export interface LimitsSource {
  /** Whether this orbctl keeps limits at all (≥ 2.2). */
  supported(): Promise<boolean>;
  read(): Promise<Map<string, MachineLimits>>;
}

export class MachineLimitsCache {
  private reading: Promise<Map<string, MachineLimits>> | null = null;
  /** How many times orbctl was asked (for tests and the log). */
  reads = 0;

  constructor(private readonly source: LimitsSource) {}

  async of(name: string): Promise<MachineLimitsAnswer> {
    if (!(await this.source.supported())) return { supported: false };
    if (!this.reading) {
      this.reads++;
      const reading = this.source.read();
      this.reading = reading;
      // A failed read is not kept: the next question asks again.
      reading.catch(() => {
        if (this.reading === reading) this.reading = null;
      });
    }
    return { supported: true, limits: (await this.reading).get(name) ?? NO_LIMITS };
  }

  /** The limits may have changed: the next question reads them again. */
  forget(): void {
    this.reading = null;
  }

  /** Forgets whenever a job that can change them ends; returns the disposer. */
  follow(events: EventHub): () => void {
    return events.on('jobs:changed', (job: Job) => {
      if (isFinished(job) && changesLimits(job)) this.forget();
    });
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobRequester } from '../../../shared/jobs';

/**
 * Who is asking, for the jobs a call submits: set around an agent's call (the agent endpoint's), so every job that
 * call submits says so in Activity and History. A job's own run never inherits it: what a job submits later
 * (a sandbox's golden checkpoint after its create) is OrbDeck's own doing.
 */
export class RequesterScope {
  private readonly store = new AsyncLocalStorage<JobRequester>();

  run<T>(by: JobRequester, work: () => T): T {
    return this.store.run(by, work);
  }

  current(): JobRequester | undefined {
    return this.store.getStore();
  }

  /** Runs `work` as nobody in particular. */
  outside<T>(work: () => T): T {
    return this.store.exit(work);
  }
}

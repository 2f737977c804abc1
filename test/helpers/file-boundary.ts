// Test files that share their worker's modules (vitest.config.ts) run one after another in the same process:
// what one leaves behind (fake timers, spies, stubbed globals or environment variables) ends with it.
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

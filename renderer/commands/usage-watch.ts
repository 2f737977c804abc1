import { getApi } from '../api/api';

/** The core takes at most this many rows (shared/ipc/contract.ts, `usage:watch`). */
const MAX_ROWS = 200;
const DEBOUNCE_MS = 150;

type View = 'usage' | 'ports';

let inspector: { machine: string | null; view: View | null } = { machine: null, view: null };
let rows: string[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let lastSent = '';

/**
 * Tells the core what this window shows of machines' insides, so that only that is read: the inspector's
 * machine with its Usage or Ports tab (null when another tab, or none, is shown), and the rows on screen while
 * the CPU and memory columns are on (empty when they are off). Debounced; the same watch twice is sent once.
 */
export function watchInspector(machine: string | null, view: View | null): void {
  inspector = { machine: view === null ? null : machine, view: machine === null ? null : view };
  schedule();
}

export function watchRows(names: readonly string[]): void {
  rows = names.slice(0, MAX_ROWS);
  schedule();
}

/** After a reconnect the core has forgotten this window's watch: say it again. */
export function resendUsageWatch(): void {
  lastSent = '';
  schedule();
}

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(flush, DEBOUNCE_MS);
}

function flush(): void {
  timer = undefined;
  const request = { ...inspector, rows };
  const key = JSON.stringify(request);
  if (key === lastSent) return;
  lastSent = key;
  Promise.resolve()
    .then(() => getApi().invoke('usage:watch', request))
    .catch(() => {
      lastSent = '';
    });
}

/** For tests: forget everything. */
export function resetUsageWatch(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  inspector = { machine: null, view: null };
  rows = [];
  lastSent = '';
}

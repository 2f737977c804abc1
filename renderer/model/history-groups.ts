import type { HistoryEntry, JobKind } from '../../shared/jobs';

export type Outcome = HistoryEntry['state'];

/** One line of History: a job, or the jobs of one bulk action (newest first), as one expandable entry. */
export interface HistoryGroup {
  /** The batch id, or the job's id for a job alone. */
  key: string;
  entries: HistoryEntry[];
  /** "Start 20 machines", or the job's own title. */
  title: string;
  /** The machine, or "20 machines". */
  machine: string;
  /** The worst outcome: a failure shows before a cancel, a cancel before success. */
  state: Outcome;
  /** "20 done", "18 done, 2 failed"; empty for a job alone (its symbol says it). */
  summary: string;
  /** From the first start to the last end, for a group; the job's own duration otherwise. */
  durationMs?: number;
  /** Bytes written or read, summed over the group. */
  bytes?: number;
  /** When the last of them ended. */
  endedAt: number;
}

const GROUP_VERB: Partial<Record<JobKind, string>> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  delete: 'Delete',
  export: 'Export',
  run: 'Run a command on',
};

const WORSE: Outcome[] = ['failed', 'cancelled', 'succeeded'];
const OUTCOME_WORDS: Record<Outcome, string> = {
  succeeded: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

const machines = (n: number) => (n === 1 ? '1 machine' : `${n} machines`);

function groupOf(key: string, entries: HistoryEntry[]): HistoryGroup {
  const first = entries[0]!;
  if (entries.length === 1)
    return {
      key,
      entries,
      title: first.title,
      machine: first.machine,
      state: first.state,
      summary: '',
      ...(first.durationMs === undefined ? {} : { durationMs: first.durationMs }),
      ...(first.bytes === undefined ? {} : { bytes: first.bytes }),
      endedAt: first.endedAt,
    };
  const kinds = new Set(entries.map((e) => e.kind));
  const verb = kinds.size === 1 ? GROUP_VERB[first.kind] : undefined;
  const counts = WORSE.map((state) => [state, entries.filter((e) => e.state === state).length] as const);
  const began = Math.min(...entries.map((e) => e.startedAt ?? e.createdAt));
  const endedAt = Math.max(...entries.map((e) => e.endedAt));
  const sized = entries.filter((e) => e.bytes !== undefined);
  return {
    key,
    entries,
    title: verb ? `${verb} ${machines(entries.length)}` : `${entries.length} jobs`,
    machine: machines(new Set(entries.map((e) => e.machine)).size),
    state: counts.find(([, n]) => n > 0)![0],
    summary: [...counts]
      .reverse()
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${n} ${OUTCOME_WORDS[state]}`)
      .join(', '),
    durationMs: Math.max(0, endedAt - began),
    ...(sized.length ? { bytes: sized.reduce((sum, e) => sum + e.bytes!, 0) } : {}),
    endedAt,
  };
}

/**
 * Finished jobs (newest first) as History's lines: the jobs of one bulk action become one entry, placed where
 * its newest job ended; every other job is a line of its own.
 */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryGroup[] {
  const batches = new Map<string, HistoryEntry[]>();
  const order: Array<string | HistoryEntry> = [];
  for (const entry of entries) {
    if (entry.batch === undefined) {
      order.push(entry);
      continue;
    }
    const known = batches.get(entry.batch);
    if (known) known.push(entry);
    else {
      batches.set(entry.batch, [entry]);
      order.push(entry.batch);
    }
  }
  return order.map((item) =>
    typeof item === 'string' ? groupOf(item, batches.get(item)!) : groupOf(item.id, [item]),
  );
}

/** History's filter: what the toolbar's search says, a kind of job and an outcome. */
export interface HistoryFilter {
  text: string;
  kind: HistoryKindFilter;
  outcome: Outcome | 'all';
}

/** The kinds History's filter offers, each a few job kinds. */
export const HISTORY_KINDS = {
  all: { label: 'All Kinds', kinds: [] },
  power: { label: 'Start, Stop, Restart', kinds: ['start', 'stop', 'restart'] },
  // A checkpoint is saved as a clone and brought back by a revert.
  create: { label: 'Create, Clone, Import, Revert', kinds: ['create', 'clone', 'import', 'revert'] },
  export: { label: 'Exports', kinds: ['export'] },
  commands: { label: 'Commands and Files', kinds: ['run', 'pull', 'push'] },
  other: { label: 'Other', kinds: ['delete', 'rename', 'set-default', 'set-limits', 'agent'] },
} as const satisfies Record<string, { label: string; kinds: readonly JobKind[] }>;
export type HistoryKindFilter = keyof typeof HISTORY_KINDS;

export const NO_HISTORY_FILTER: HistoryFilter = { text: '', kind: 'all', outcome: 'all' };

export function isFiltered(filter: HistoryFilter): boolean {
  return filter.text.trim() !== '' || filter.kind !== 'all' || filter.outcome !== 'all';
}

/** The jobs the filter lets through (before grouping, so that a group counts only what is shown). */
export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const kinds: readonly JobKind[] = HISTORY_KINDS[filter.kind].kinds;
  return entries.filter(
    (e) =>
      (filter.outcome === 'all' || e.state === filter.outcome) &&
      (kinds.length === 0 || kinds.includes(e.kind)) &&
      words.every((w) => e.title.toLowerCase().includes(w) || e.machine.toLowerCase().includes(w)),
  );
}

import type { HistoryEntry, JobKind, JobProgress } from '../../../shared/jobs';

/** How many earlier jobs an estimate looks at (the latest ones: machines and disks change). */
const WINDOW = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const plural = (n: number, word: string) => `${n} earlier ${word}${n === 1 ? '' : 's'}`;

/** Earlier successful jobs of `kind` that measured what an estimate needs. */
function earlier(history: readonly HistoryEntry[], kind: JobKind): HistoryEntry[] {
  return history
    .filter(
      (e) =>
        e.kind === kind && e.state === 'succeeded' && (e.sourceBytes ?? 0) > 0 && (e.durationMs ?? 0) > 0,
    )
    .slice(-WINDOW);
}

export interface ExportExpectation {
  /** Expected size of the export file; undefined without history (an indeterminate bar). */
  expectedBytes?: number;
  basis: string;
}

/** Expected export size: the disk size times the compression ratio learned from earlier exports. */
export function expectExport(
  history: readonly HistoryEntry[],
  diskSize: number | null | undefined,
): ExportExpectation {
  if (!diskSize) return { basis: 'the machine’s size is unknown' };
  const done = earlier(history, 'export').filter((e) => (e.bytes ?? 0) > 0);
  if (done.length === 0) return { basis: 'no earlier exports to learn from yet' };
  const ratio = median(done.map((e) => e.bytes! / e.sourceBytes!));
  return {
    expectedBytes: Math.round(diskSize * ratio),
    basis: `estimate from ${plural(done.length, 'export')}`,
  };
}

/** Expected duration of an import or clone of `sourceBytes`, from earlier throughput. */
export function expectDuration(
  history: readonly HistoryEntry[],
  kind: 'import' | 'clone' | 'export',
  sourceBytes: number | null | undefined,
): { durationMs?: number; basis: string } {
  const done = earlier(history, kind);
  if (!sourceBytes || done.length === 0) return { basis: `no earlier ${kind}s to estimate from yet` };
  const bytesPerMs = median(done.map((e) => e.sourceBytes! / e.durationMs!));
  return { durationMs: sourceBytes / bytesPerMs, basis: `estimate from ${plural(done.length, kind)}` };
}

/**
 * Progress of an export from the file's growth: the fraction of the expected size (never 100 % before
 * orbctl says it is done), and the time left from the rate seen so far, or from history early on.
 */
export function exportProgress(
  bytesDone: number,
  elapsedMs: number,
  expectation: ExportExpectation,
  expectedDurationMs?: number,
): JobProgress {
  const progress: JobProgress = { bytesDone, basis: expectation.basis };
  const total = expectation.expectedBytes;
  if (total === undefined) return progress;
  progress.bytesTotal = total;
  progress.fraction = Math.min(0.99, bytesDone / total);
  if (bytesDone > 0 && elapsedMs >= 1000) {
    const rate = bytesDone / elapsedMs;
    progress.etaMs = Math.max(0, (total - bytesDone) / rate);
  } else if (expectedDurationMs !== undefined) {
    progress.etaMs = Math.max(0, expectedDurationMs - elapsedMs);
  }
  return progress;
}

/** Progress of a job whose bytes cannot be watched: elapsed against the expected duration. */
export function durationProgress(
  elapsedMs: number,
  expected: { durationMs?: number; basis: string },
): JobProgress {
  if (expected.durationMs === undefined) return { basis: expected.basis };
  return {
    fraction: Math.min(0.99, elapsedMs / expected.durationMs),
    etaMs: Math.max(0, expected.durationMs - elapsedMs),
    basis: expected.basis,
  };
}

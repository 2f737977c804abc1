// Types of bench-results.mjs, for the benchmarks written in TypeScript (electron/core/bench/).

/**
 * One figure of `npm run bench`, as scripts/bench.mjs prints it in its summary table. `limit` is the target in
 * the figure's own unit (the figure must be at most that); the ratio is figure / baseline when there is a
 * baseline, else figure / limit.
 */
export interface Figure {
  id: string;
  figure: string;
  value: number;
  /** The 95th percentile of the samples whose median `value` is, when the figure has one. */
  p95?: number;
  unit: string;
  baseline?: { label: string; value: number };
  target?: { label: string; limit: number; strict?: boolean };
  note?: string;
}

export function fmt(v: number | null): string;
export function median(values: readonly number[]): number;
export function quantile(values: readonly number[], q: number): number;
/** The least-squares slope of `[seconds, value]` points, per minute. */
export function perMinute(points: ReadonlyArray<readonly [number, number]>): number;
export function ratioOf(f: Figure): number | null;
export function metOf(f: Figure): boolean | null;
export function figureLine(f: Figure): string;
export function record(f: Figure): void;
/** A section of the bench that threw, as the summary names it. */
export interface Failure {
  failed: string;
  error: string;
}
export function recordFailure(section: string, error: unknown): void;
export function runSection(name: string, run: () => Promise<void> | void): Promise<void>;
export function readResults(file: string): { figures: Figure[]; failures: Failure[] };
export function summaryLine(results: { figures: readonly Figure[]; failures: readonly Failure[] }): string;
export function summaryTable(figures: readonly Figure[]): string;
export function wanted(name: string): boolean;

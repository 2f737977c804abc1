/**
 * Follows one run's output in the window: what the core kept (`run:output`, asked once) and the `run:streamed` events that
 * come before and after that answer, joined by character offsets so nothing is shown twice or lost.
 */
import { OutputBuffer, type RunOutput, type RunOutputEvent } from '../../shared/inside';

export class OutputFollower {
  readonly buffer = new OutputBuffer();
  end: RunOutput['end'] | undefined;
  /** Characters known so far; null until the core's answer came. */
  private known: number | null = null;
  private early: RunOutputEvent[] = [];

  /** The core's answer to `run:output` (null: it keeps nothing for this job). */
  snapshot(output: RunOutput | null): void {
    if (this.known !== null) return;
    this.known = output?.total ?? 0;
    for (const chunk of output?.chunks ?? []) this.buffer.append(chunk);
    if (output?.end) this.end = output.end;
    for (const event of this.early.splice(0)) this.event(event);
  }

  event(e: RunOutputEvent): void {
    if (this.known === null) {
      this.early.push(e);
      return;
    }
    let skip = this.known - e.from;
    for (const chunk of e.chunks) {
      if (skip >= chunk.text.length) {
        skip -= chunk.text.length;
        continue;
      }
      this.buffer.append({ stream: chunk.stream, text: chunk.text.slice(Math.max(0, skip)) });
      skip = 0;
    }
    this.known = Math.max(this.known, e.from + e.chunks.reduce((n, c) => n + c.text.length, 0));
    if (e.end) this.end = e.end;
  }
}

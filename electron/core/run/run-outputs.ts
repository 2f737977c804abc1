/**
 * The output of `orbctl run` jobs while they run and shortly after: each within a bounded scroll-back
 * (shared/inside.ts), sent to every window as `run:streamed` events in batches, so a chatty command costs one
 * event per batch rather than one per line. A window that opens late asks for what is kept (`run:output`).
 */
import { OutputBuffer, type OutputChunk, type RunOutput } from '../../../shared/inside';
import type { EventHub } from '../platform/events';

/** How often a running command's new output is sent. */
export const OUTPUT_BATCH_MS = 50;
/** Outputs kept for finished runs (the oldest go first). */
const KEEP_FINISHED = 20;

interface Entry {
  buffer: OutputBuffer;
  /** Characters written so far, dropped ones included. */
  written: number;
  /** Not yet sent; the first of them is character number `pendingFrom`. */
  pending: OutputChunk[];
  pendingFrom: number;
  timer: NodeJS.Timeout | undefined;
  end?: RunOutput['end'];
}

export interface RunOutputSink {
  write(chunk: OutputChunk): void;
  end(end: NonNullable<RunOutput['end']>): void;
}

export class RunOutputs {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly events: EventHub,
    private readonly batchMs = OUTPUT_BATCH_MS,
  ) {}

  /** A sink for one job's output. */
  open(jobId: string): RunOutputSink {
    const entry: Entry = {
      buffer: new OutputBuffer(),
      written: 0,
      pending: [],
      pendingFrom: 0,
      timer: undefined,
    };
    this.entries.set(jobId, entry);
    this.prune();
    const flush = () => {
      entry.timer = undefined;
      const chunks = entry.pending.splice(0);
      const from = entry.pendingFrom;
      entry.pendingFrom = entry.written;
      if (chunks.length > 0 || entry.end) {
        this.events.emit('run:streamed', { jobId, from, chunks, ...(entry.end ? { end: entry.end } : {}) });
      }
    };
    return {
      write: (chunk) => {
        if (entry.end || chunk.text === '') return;
        entry.buffer.append(chunk);
        entry.written += chunk.text.length;
        const last = entry.pending.at(-1);
        if (last && last.stream === chunk.stream) last.text += chunk.text;
        else entry.pending.push({ ...chunk });
        entry.timer ??= setTimeout(flush, this.batchMs);
      },
      end: (end) => {
        if (entry.end) return;
        entry.end = end;
        if (entry.timer) clearTimeout(entry.timer);
        flush();
      },
    };
  }

  /** What is kept of a job's output; null for a job that ran no command (or whose output was let go). */
  get(jobId: string): RunOutput | null {
    const entry = this.entries.get(jobId);
    if (!entry) return null;
    return {
      jobId,
      chunks: entry.buffer.chunks.map((c) => ({ ...c })),
      droppedChars: entry.buffer.droppedChars,
      total: entry.written,
      ...(entry.end ? { end: entry.end } : {}),
    };
  }

  private prune(): void {
    const finished = [...this.entries].filter(([, e]) => e.end);
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.entries.delete(id);
  }
}

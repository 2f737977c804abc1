import { useEffect, useMemo, useReducer, useRef } from 'react';
import { onCoreEvent, ask } from '../../commands/core';
import { SCROLLBACK_CHARS, type OutputChunk, type RunOutput } from '../../../shared/inside';
import { OutputFollower } from '../../model/run-output';
import './run.css';

export interface FollowedOutput {
  chunks: readonly OutputChunk[];
  droppedChars: number;
  text: string;
  end: RunOutput['end'] | undefined;
}

const NONE: FollowedOutput = { chunks: [], droppedChars: 0, text: '', end: undefined };

/** A run's output as it streams in: what the core kept, then its `run:streamed` events. */
export function useRunOutput(jobId: string | null): FollowedOutput {
  const follower = useMemo(() => (jobId ? new OutputFollower() : null), [jobId]);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const f = follower;
    if (!jobId || !f) return;
    const off = onCoreEvent('run:streamed', (e) => {
      if (e.jobId !== jobId) return;
      f.event(e);
      redraw();
    });
    void ask('run:output', { id: jobId })
      .catch(() => null)
      .then((kept) => {
        f.snapshot(kept);
        redraw();
      });
    return off;
  }, [jobId, follower]);
  if (!jobId || !follower) return NONE;
  return {
    chunks: follower.buffer.chunks,
    droppedChars: follower.buffer.droppedChars,
    text: follower.buffer.text(),
    end: follower.end,
  };
}

/** The output, stderr drawn apart, kept scrolled to the end unless the person scrolled up to read. */
export function RunOutputView({ output }: { output: FollowedOutput }) {
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  });
  return (
    <>
      {output.droppedChars > 0 && (
        <p className="muted">
          Showing the last {Math.round(SCROLLBACK_CHARS / 1024)} KB; {output.droppedChars.toLocaleString()}{' '}
          earlier characters are not kept.
        </p>
      )}
      <pre
        ref={ref}
        className="run-output"
        role="log"
        aria-label="Output"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {output.chunks.map((c, i) =>
          c.stream === 'stderr' ? (
            <span key={i} className="stderr" data-stream="stderr">
              {c.text}
            </span>
          ) : (
            <span key={i} data-stream="stdout">
              {c.text}
            </span>
          ),
        )}
      </pre>
    </>
  );
}

import { describe, expect, it } from 'vitest';
import { OutputFollower } from './run-output';

const out = (text: string) => ({ stream: 'stdout' as const, text });

describe('following a run', () => {
  it('joins the kept output and the events around it without showing anything twice', () => {
    const f = new OutputFollower();
    // An event sent while the window was asking: it overlaps what the answer holds.
    f.event({ jobId: 'j', from: 3, chunks: [out('def')] });
    f.snapshot({ jobId: 'j', chunks: [out('abcd')], droppedChars: 0, total: 4 });
    f.event({
      jobId: 'j',
      from: 6,
      chunks: [{ stream: 'stderr', text: 'E' }],
      end: { exitCode: 2, durationMs: 5 },
    });
    expect(f.buffer.text()).toBe('abcdefE');
    expect(f.buffer.chunks.at(-1)).toEqual({ stream: 'stderr', text: 'E' });
    expect(f.end).toEqual({ exitCode: 2, durationMs: 5 });
  });

  it('ignores an event the answer already holds entirely', () => {
    const f = new OutputFollower();
    f.snapshot({ jobId: 'j', chunks: [out('abc')], droppedChars: 0, total: 3 });
    f.event({ jobId: 'j', from: 0, chunks: [out('abc')] });
    expect(f.buffer.text()).toBe('abc');
  });

  it('starts empty for a job the core keeps nothing of', () => {
    const f = new OutputFollower();
    f.snapshot(null);
    f.event({ jobId: 'j', from: 0, chunks: [out('x')] });
    expect(f.buffer.text()).toBe('x');
  });
});

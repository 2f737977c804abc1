import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/jobs';
import { filterHistory, groupHistory, NO_HISTORY_FILTER } from './history-groups';

let seq = 0;
function entry(over: Partial<HistoryEntry> & Pick<HistoryEntry, 'kind' | 'machine'>): HistoryEntry {
  seq += 1;
  return {
    id: `job-${seq}`,
    title: `${over.kind} ${over.machine}`,
    state: 'succeeded',
    createdAt: 1000 * seq,
    startedAt: 1000 * seq,
    endedAt: 1000 * seq + 500,
    durationMs: 500,
    cancellable: true,
    ...over,
  };
}

describe('groupHistory', () => {
  it('makes the jobs of one bulk action one entry, counted, timed from first start to last end', () => {
    const starts = Array.from({ length: 20 }, (_, i) =>
      entry({
        kind: 'start',
        machine: `worker-${i}`,
        batch: 'batch-a',
        startedAt: 10_000,
        endedAt: 10_000 + i * 200,
      }),
    );
    const alone = entry({ kind: 'stop', machine: 'db' });
    const groups = groupHistory([alone, ...starts.reverse()]);
    expect(groups.map((g) => [g.title, g.summary, g.entries.length])).toEqual([
      ['stop db', '', 1],
      ['Start 20 machines', '20 done', 20],
    ]);
    expect(groups[1]!.durationMs).toBe(3800);
    expect(groups[1]!.machine).toBe('20 machines');
  });

  it('shows a group by its worst outcome and counts each outcome', () => {
    const groups = groupHistory([
      entry({ kind: 'delete', machine: 'a', batch: 'batch-b' }),
      entry({ kind: 'delete', machine: 'b', batch: 'batch-b', state: 'failed' }),
      entry({ kind: 'delete', machine: 'c', batch: 'batch-b', state: 'cancelled' }),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.state).toBe('failed');
    expect(groups[0]!.summary).toBe('1 done, 1 cancelled, 1 failed');
  });

  it('sums the bytes of a bundle of exports', () => {
    const [group] = groupHistory([
      entry({ kind: 'export', machine: 'a', batch: 'batch-c', bytes: 100 }),
      entry({ kind: 'export', machine: 'b', batch: 'batch-c', bytes: 250 }),
    ]);
    expect([group!.title, group!.bytes]).toEqual(['Export 2 machines', 350]);
  });

  it('keeps a job of a batch whose other jobs are gone as a line of its own, under its own title', () => {
    const [group] = groupHistory([
      entry({ kind: 'start', machine: 'a', title: 'Start a', batch: 'batch-d' }),
    ]);
    expect([group!.title, group!.machine]).toEqual(['Start a', 'a']);
  });
});

describe('filterHistory', () => {
  const entries = [
    entry({ kind: 'start', machine: 'worker-1', title: 'Start worker-1' }),
    entry({ kind: 'export', machine: 'ubuntu', title: 'Export ubuntu to u.tar.zst', state: 'failed' }),
    entry({ kind: 'run', machine: 'worker-2', title: 'Run “ls” in worker-2' }),
  ];
  const titles = (f: Partial<typeof NO_HISTORY_FILTER>) =>
    filterHistory(entries, { ...NO_HISTORY_FILTER, ...f }).map((e) => e.title);

  it('lets everything through when nothing is asked', () => expect(titles({})).toHaveLength(3));
  it('matches every word of the search in the title or the machine', () => {
    expect(titles({ text: 'worker' })).toEqual(['Start worker-1', 'Run “ls” in worker-2']);
    expect(titles({ text: 'WORKER ls' })).toEqual(['Run “ls” in worker-2']);
  });
  it('narrows to a kind and an outcome', () => {
    expect(titles({ kind: 'export' })).toEqual(['Export ubuntu to u.tar.zst']);
    expect(titles({ kind: 'power' })).toEqual(['Start worker-1']);
    expect(titles({ outcome: 'failed' })).toEqual(['Export ubuntu to u.tar.zst']);
    expect(titles({ outcome: 'succeeded', kind: 'commands' })).toEqual(['Run “ls” in worker-2']);
  });
});

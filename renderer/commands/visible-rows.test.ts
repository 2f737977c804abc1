import { afterEach, describe, expect, it, vi } from 'vitest';
import { setApi, type Api } from '../api/api';
import {
  MAX_VISIBLE_NAMES,
  VISIBLE_DEBOUNCE_MS,
  reportVisibleMachines,
  resetVisibleRows,
  viewportFirst,
} from './visible-rows';

function stubApi() {
  const sent: Array<[string, unknown]> = [];
  const api = {
    transport: 'headless',
    invoke: vi.fn(async (channel: string, request: unknown) => {
      sent.push([channel, request]);
      return { accepted: 0 };
    }),
  } as unknown as Api;
  setApi(api);
  return sent;
}

afterEach(() => {
  resetVisibleRows();
  setApi(null);
  vi.useRealTimers();
});

describe('reportVisibleMachines', () => {
  it('loses the hint quietly when there is no API to send it through', async () => {
    vi.useFakeTimers();
    reportVisibleMachines(['a']);
    await vi.advanceTimersByTimeAsync(VISIBLE_DEBOUNCE_MS); // an uncaught error here fails the run
    const sent = stubApi();
    reportVisibleMachines(['a']); // not counted as sent: it goes out once there is an API
    await vi.advanceTimersByTimeAsync(VISIBLE_DEBOUNCE_MS);
    expect(sent).toEqual([['machines:visible', { names: ['a'] }]]);
  });

  it('sends the rows where the list came to rest, once', async () => {
    vi.useFakeTimers();
    const sent = stubApi();
    reportVisibleMachines(['a', 'b']);
    reportVisibleMachines(['b', 'c']);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(VISIBLE_DEBOUNCE_MS);
    expect(sent).toEqual([['machines:visible', { names: ['b', 'c'] }]]);
    reportVisibleMachines(['b', 'c']);
    await vi.advanceTimersByTimeAsync(VISIBLE_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
  });

  it('sends no more names than the core takes', async () => {
    vi.useFakeTimers();
    const sent = stubApi();
    reportVisibleMachines(Array.from({ length: 500 }, (_, i) => `vm-${i}`));
    await vi.advanceTimersByTimeAsync(VISIBLE_DEBOUNCE_MS);
    expect((sent[0]![1] as { names: string[] }).names).toHaveLength(MAX_VISIBLE_NAMES);
  });
});

describe('viewportFirst', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ index: i, start: i * 26, end: (i + 1) * 26 }));

  it('puts the rows in view first, then the overscan above and below in list order', () => {
    // Scrolled to row 4, a viewport of three rows and part of a fourth.
    expect(viewportFirst(rows, 4 * 26, 3 * 26 + 10).map((r) => r.index)).toEqual([
      4, 5, 6, 7, 0, 1, 2, 3, 8, 9,
    ]);
  });

  it('keeps the order when every row is in view, or no size is known yet', () => {
    expect(viewportFirst(rows, 0, 1000).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(viewportFirst(rows, 0, Infinity)).toHaveLength(10);
  });
});

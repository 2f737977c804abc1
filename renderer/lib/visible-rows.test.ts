import { afterEach, describe, expect, it, vi } from 'vitest';
import { setApi, type Api } from '../api/api';
import {
  MAX_VISIBLE_NAMES,
  VISIBLE_DEBOUNCE_MS,
  reportVisibleMachines,
  resetVisibleRows,
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
  it('sends the rows where the list came to rest, once', () => {
    vi.useFakeTimers();
    const sent = stubApi();
    reportVisibleMachines(['a', 'b']);
    reportVisibleMachines(['b', 'c']);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(VISIBLE_DEBOUNCE_MS);
    expect(sent).toEqual([['machines:visible', { names: ['b', 'c'] }]]);
    reportVisibleMachines(['b', 'c']);
    vi.advanceTimersByTime(VISIBLE_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
  });

  it('sends no more names than the core takes', () => {
    vi.useFakeTimers();
    const sent = stubApi();
    reportVisibleMachines(Array.from({ length: 500 }, (_, i) => `vm-${i}`));
    vi.advanceTimersByTime(VISIBLE_DEBOUNCE_MS);
    expect((sent[0]![1] as { names: string[] }).names).toHaveLength(MAX_VISIBLE_NAMES);
  });
});

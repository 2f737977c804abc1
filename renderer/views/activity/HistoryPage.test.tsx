import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/jobs';
import { resetStores, stubApi } from '../../../test/renderer/support';
import { useHistory } from '../../state/history';
import { useUi } from '../../state/ui';
import { SearchField } from '../shell/SearchField';
import { HistoryPage } from './HistoryPage';

const now = Date.now();
function finished(n: number, over: Partial<HistoryEntry> & Pick<HistoryEntry, 'kind' | 'machine' | 'title'>) {
  return {
    id: `job-${n}`,
    state: 'succeeded',
    createdAt: now - 60_000 + n,
    startedAt: now - 60_000 + n,
    endedAt: now - 50_000 + n,
    durationMs: 10_000,
    cancellable: true,
    ...over,
  } satisfies HistoryEntry;
}

beforeEach(() => {
  resetStores([]);
  stubApi({});
  const starts = Array.from({ length: 20 }, (_, i) =>
    finished(i, { kind: 'start', machine: `worker-${i}`, title: `Start worker-${i}`, batch: 'batch-one' }),
  );
  useHistory.getState().replace([
    ...starts,
    finished(30, {
      kind: 'export',
      machine: 'ubuntu',
      title: 'Export ubuntu to u.tar.zst',
      state: 'failed',
    }),
  ]);
  useUi.setState({ view: 'activity' });
});

const history = () => screen.getByRole('list', { name: 'All history' });
const lines = () =>
  within(history())
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));

describe('the History page', () => {
  it('shows the jobs of one bulk action as one entry that opens to show each job', async () => {
    render(<HistoryPage />);
    expect(lines()).toEqual(['Export ubuntu to u.tar.zst', 'Start 20 machines']);
    const group = within(history()).getByRole('listitem', { name: 'Start 20 machines' });
    expect(group).toHaveTextContent('Start 20 machines — 20 done');
    expect(group).toHaveTextContent('20 machines');
    expect(group).toHaveTextContent('1 min ago');
    await userEvent.click(
      within(group).getByRole('button', { name: 'Show the 20 jobs of Start 20 machines' }),
    );
    const members = within(group).getByRole('list', { name: 'Jobs of Start 20 machines' });
    expect(within(members).getAllByRole('listitem')).toHaveLength(20);
    expect(within(members).getByRole('listitem', { name: 'Start worker-3' })).toHaveTextContent('Done');
  });

  it('is narrowed by the toolbar’s search and by kind and outcome', async () => {
    render(
      <>
        <SearchField />
        <HistoryPage />
      </>,
    );
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter history' }), 'worker-1');
    // worker-1 and worker-10…19: the group counts only the jobs shown.
    expect(lines()).toEqual(['Start 11 machines']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Filter history' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'failed');
    expect(lines()).toEqual(['Export ubuntu to u.tar.zst']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind of job' }), 'power');
    expect(screen.getByText('No finished job matches the filter.')).toBeInTheDocument();
    // The machine list keeps its own search text.
    expect(useUi.getState().filter).toBe('');
  });
});

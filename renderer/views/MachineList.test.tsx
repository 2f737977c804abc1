import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useJobs } from '../stores/jobs';
import { useMachines } from '../stores/machines';
import { useUi } from '../stores/ui';
import { job, machine, resetStores, stubApi } from '../../test/renderer/support';
import { MachineList } from './MachineList';

const machines = [
  machine('web-10', 'stopped'),
  machine('web-2'),
  machine('db', 'starting', { distro: 'debian', version: 'bookworm' }),
];
const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('aria-label'));

beforeEach(() => resetStores(machines));

describe('MachineList', () => {
  it('lists machines by name (natural order) and sorts by a clicked column', async () => {
    render(<MachineList machines={machines} onOpenDetails={() => {}} />);
    expect(rowNames()).toEqual(['db', 'web-2', 'web-10']);
    await userEvent.click(screen.getByRole('button', { name: /^State/ }));
    expect(rowNames()).toEqual(['web-2', 'db', 'web-10']);
    expect(screen.getByRole('columnheader', { name: /State/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(rowNames()).toEqual(['web-10', 'web-2', 'db']);
  });

  it('filters by text and says so when nothing matches', () => {
    act(() => useUi.getState().setFilter('debian'));
    const { rerender } = render(<MachineList machines={machines} onOpenDetails={() => {}} />);
    expect(rowNames()).toEqual(['db']);
    act(() => useUi.getState().setFilter('zzz'));
    rerender(<MachineList machines={machines} onOpenDetails={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('No machine matches “zzz”');
  });

  it('moves the selection with the arrow keys and opens details with Enter', async () => {
    let opened = 0;
    render(<MachineList machines={machines} onOpenDetails={() => opened++} />);
    const first = screen.getByRole('row', { name: 'db' });
    first.focus();
    expect(useMachines.getState().selected).toBe('db');
    await userEvent.keyboard('{ArrowDown}');
    expect(useMachines.getState().selected).toBe('web-2');
    await userEvent.keyboard('{End}');
    expect(useMachines.getState().selected).toBe('web-10');
    await userEvent.keyboard('{Enter}');
    expect(opened).toBe(1);
  });

  it('starts a stopped machine and disables its button while a job runs, saying why', async () => {
    const { invoke } = stubApi({ 'machine:start': () => job('web-10', 'queued', 'start') });
    const { rerender } = render(<MachineList machines={machines} onOpenDetails={() => {}} />);
    const row = screen.getByRole('row', { name: 'web-10' });
    await userEvent.click(within(row).getByRole('button', { name: 'Start' }));
    expect(invoke).toHaveBeenCalledWith('machine:start', { name: 'web-10' });

    act(() => useJobs.getState().upsert(job('web-10', 'running', 'export')));
    rerender(<MachineList machines={machines} onOpenDetails={() => {}} />);
    const button = within(screen.getByRole('row', { name: 'web-10' })).getByRole('button', { name: 'Start' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', expect.stringContaining('Busy: export web-10'));
  });

  it('offers Stop for a machine stuck starting', () => {
    render(<MachineList machines={machines} onOpenDetails={() => {}} />);
    expect(
      within(screen.getByRole('row', { name: 'db' })).getByRole('button', { name: 'Stop' }),
    ).toBeEnabled();
  });
});

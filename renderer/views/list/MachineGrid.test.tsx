import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useJobs } from '../../state/jobs';
import { useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { job, machine, resetStores, stubApi } from '../../../test/renderer/support';
import { MachineGrid } from './MachineGrid';

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
const grid = () => screen.getByRole('grid', { name: 'Machines' });

beforeEach(() => resetStores(machines));

// Rendering a virtualized list in jsdom is slow on a busy 2-core machine.
describe('MachineGrid', { timeout: 20_000 }, () => {
  it('lists machines by name (natural order) and sorts by any clicked column', async () => {
    render(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    expect(rowNames()).toEqual(['db', 'web-2', 'web-10']);
    expect(grid()).toHaveAttribute('aria-rowcount', '4');
    await userEvent.click(screen.getByRole('button', { name: /^State/ }));
    expect(rowNames()).toEqual(['web-2', 'db', 'web-10']);
    expect(screen.getByRole('columnheader', { name: /State/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(rowNames()).toEqual(['web-10', 'web-2', 'db']);
    for (const column of ['Distro', 'Arch', 'IP Address', 'Disk'])
      expect(screen.getByRole('button', { name: new RegExp(`^${column}`) })).toBeInTheDocument();
  });

  it('filters by text and says so when nothing matches', () => {
    act(() => useUi.getState().setFilter('debian'));
    const { rerender } = render(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    expect(rowNames()).toEqual(['db']);
    act(() => useUi.getState().setFilter('zzz'));
    rerender(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    expect(screen.getByRole('status')).toHaveTextContent('No machine matches “zzz”');
  });

  it('is one Tab stop for the rows: arrows move the selection, ⇧ extends it, Return opens the inspector', async () => {
    let opened = 0;
    render(<MachineGrid machines={machines} onOpenDetails={() => opened++} />);
    await userEvent.tab();
    expect(grid()).toHaveFocus();
    expect(useMachines.getState().selected).toBe('db');
    await userEvent.keyboard('{ArrowDown}');
    expect(useMachines.getState().selected).toBe('web-2');
    expect(grid()).toHaveAttribute('aria-activedescendant', screen.getByRole('row', { name: 'web-2' }).id);
    await userEvent.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(useMachines.getState().selection.names).toEqual(['web-2', 'web-10']);
    await userEvent.keyboard('{Home}');
    expect(useMachines.getState().selection.names).toEqual(['db']);
    await userEvent.keyboard('{Enter}');
    expect(opened).toBe(1);
    // Nothing in the rows takes a Tab stop of its own; the column headers do (they sort).
    for (const row of within(grid()).getAllByRole('row').slice(1))
      for (const button of within(row).queryAllByRole('button'))
        expect(button).toHaveAttribute('tabindex', '-1');
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Name' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(opened).toBe(1);
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('selects several with ⌘/Ctrl-click and ⇧-click, and all with ⌘A/Ctrl+A', async () => {
    // One session, so held modifier keys apply to the clicks (jsdom is not a Mac: Ctrl is the modifier).
    const user = userEvent.setup();
    render(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    const row = (name: string) => screen.getByRole('row', { name });
    await user.click(row('db'));
    await user.keyboard('{Control>}');
    await user.click(row('web-10'));
    await user.keyboard('{/Control}');
    expect(useMachines.getState().selection.names).toEqual(['db', 'web-10']);
    expect(row('web-2')).toHaveAttribute('aria-selected', 'false');
    await user.click(row('db'));
    await user.keyboard('{Shift>}');
    await user.click(row('web-10'));
    await user.keyboard('{/Shift}');
    expect(useMachines.getState().selection.names).toEqual(['db', 'web-2', 'web-10']);
    await user.click(row('web-2'));
    await user.keyboard('{Control>}a{/Control}');
    expect(useMachines.getState().selection.names).toHaveLength(3);
  });

  it('starts a stopped machine and disables its button while a job runs, saying why', async () => {
    const { invoke } = stubApi({ 'machine:start': () => job('web-10', 'queued', 'start') });
    const { rerender } = render(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    const row = screen.getByRole('row', { name: 'web-10' });
    await userEvent.click(within(row).getByRole('button', { name: 'Start' }));
    expect(invoke).toHaveBeenCalledWith('machine:start', { name: 'web-10' });

    act(() => useJobs.getState().upsert(job('web-10', 'running', 'export')));
    rerender(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    const busy = screen.getByRole('row', { name: 'web-10' });
    const button = within(busy).getByRole('button', { name: 'Start' });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('title', expect.stringContaining('Busy: export web-10'));
    // The export's progress shows in its row.
    expect(within(busy).getByRole('progressbar', { name: 'Progress of export web-10' })).toBeInTheDocument();
  });

  it('shows a machine being created as a placeholder row until it exists', () => {
    act(() => useJobs.getState().upsert({ ...job('fresh', 'running', 'create'), title: 'Create fresh' }));
    const { rerender } = render(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    expect(screen.getByRole('row', { name: 'fresh (creating)' })).toHaveAttribute('aria-disabled', 'true');
    expect(grid()).toHaveAttribute('aria-rowcount', '5');
    rerender(<MachineGrid machines={[...machines, machine('fresh')]} onOpenDetails={() => {}} />);
    expect(screen.queryByRole('row', { name: 'fresh (creating)' })).toBeNull();
    expect(screen.getByRole('row', { name: 'fresh' })).toBeInTheDocument();
  });

  it('marks the row of a machine whose last action failed', () => {
    act(() =>
      useJobs.getState().upsert({
        ...job('web-2', 'failed', 'stop'),
        title: 'Stop web-2',
        endedAt: 5,
        error: { code: 'ORBCTL_FAILED', message: 'boom' },
      }),
    );
    render(<MachineGrid machines={machines} onOpenDetails={() => {}} />);
    expect(
      within(screen.getByRole('row', { name: 'web-2' })).getByLabelText('Stop web-2 failed'),
    ).toBeInTheDocument();
  });

  it('renders only the rows on screen for a thousand machines', () => {
    const many = Array.from({ length: 1000 }, (_, i) => machine(`vm-${String(i).padStart(4, '0')}`));
    resetStores(many);
    render(<MachineGrid machines={many} onOpenDetails={() => {}} />);
    expect(grid()).toHaveAttribute('aria-rowcount', '1001');
    const rendered = screen.getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(20);
    expect(rendered).toBeLessThan(80);
  });
});

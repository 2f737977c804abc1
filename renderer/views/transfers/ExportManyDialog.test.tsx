import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { machine, resetStores, stubApi } from '../../../test/renderer/support';
import { ExportManyDialog } from './ExportManyDialog';

beforeEach(() => {
  resetStores([
    machine('alpine', 'stopped', { diskSize: 200_000_000 }),
    machine('debian', 'running', { diskSize: 1_000_000_000 }),
    machine('ubuntu', 'running', { diskSize: 500_000_000 }),
  ]);
  stubApi({
    'machine:export-suggest': () => ({ folder: '/Users/me', path: '/Users/me/x.tar.zst', exists: false }),
  });
});

describe('Export for a New Mac…', () => {
  it('lists the machines with their state and size, totals the chosen ones, and selects all at once', async () => {
    render(<ExportManyDialog machines={['alpine', 'debian']} offered={['alpine', 'debian', 'ubuntu']} />);
    const table = screen.getByRole('table', { name: 'Machines to export' });
    const ubuntu = within(table).getByRole('row', { name: /ubuntu/ });
    expect(ubuntu).toHaveTextContent(/ubuntu\s*Running\s*500\.0 MB/);
    expect(screen.getByRole('status')).toHaveTextContent('2 machines, 1.2 GB on disk');
    const all = screen.getByRole('checkbox', { name: 'Select All' });
    expect(all).toHaveProperty('indeterminate', true);
    await userEvent.click(all);
    expect(screen.getByLabelText('ubuntu')).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('3 machines, 1.7 GB on disk');
    expect(screen.getByRole('button', { name: 'Export 3 Machines' })).toBeEnabled();
    await userEvent.click(all);
    expect(screen.getByRole('status')).toHaveTextContent('No machine chosen');
    expect(screen.getByRole('button', { name: 'Export 0 Machines' })).toBeDisabled();
  });
});

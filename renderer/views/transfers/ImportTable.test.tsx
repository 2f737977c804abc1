import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../shared/ipc/types';
import { machine, resetStores, stubApi } from '../../../test/renderer/support';
import { ImportDialog } from './ImportDialog';

const item = (name: string, proposedName: string): ImportPreview => ({
  ref: `/files/${name}.tar.zst`,
  path: `/files/${name}.tar.zst`,
  size: 2_000_000,
  name,
  distro: 'debian',
  version: 'bookworm',
  arch: 'arm64',
  exportedAt: '2026-12-01T10:00:00Z',
  proposedName,
  uploaded: false,
  checksum: 'missing',
});

beforeEach(() => {
  resetStores([machine('alpine'), machine('debian')]);
  stubApi({});
});

describe('importing several exports', () => {
  it('lists them as a compact table whose new names are edited in place and checked as they are typed', async () => {
    render(<ImportDialog items={[item('alpine', 'alpine-2'), item('debian', 'debian-2')]} />);
    const table = screen.getByRole('table', { name: 'Exports to import' });
    const alpine = within(table).getByRole('rowgroup', { name: 'Export of alpine' });
    expect(alpine).toHaveTextContent(/alpine\s*Debian.*arm64\s*2\.0 MB/);
    const name = within(alpine).getByLabelText('Name for alpine');
    expect(name).toHaveValue('alpine-2');
    await userEvent.clear(name);
    await userEvent.type(name, 'debian-2');
    expect(within(alpine).getByRole('alert')).toHaveTextContent(/^alpine: .*debian-2/);
    expect(screen.getByRole('button', { name: 'Import 2 Machines' })).toBeDisabled();
    await userEvent.type(name, 'b');
    expect(within(alpine).queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Import 2 Machines' })).toBeEnabled();
  });
});

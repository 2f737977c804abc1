import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportCheck, ImportPreview } from '../../../shared/ipc/types';
import { job, machine, resetStores, stubApi } from '../../../test/renderer/support';
import { useCheckpointRecords } from '../../state/checkpoints';
import { CheckpointsSection } from '../checkpoints/CheckpointsSection';
import { ImportDialog } from './ImportDialog';

// The import preview's checksum line, and a machine's checkpoints in its details.
beforeEach(() => resetStores([machine('ubuntu'), machine('web--cp-20261201-101500', 'stopped')]));

const preview = (checksum: ImportPreview['checksum']): ImportPreview => ({
  ref: '/files/web.tar.zst',
  path: '/files/web.tar.zst',
  size: 100,
  name: 'web',
  distro: 'ubuntu',
  version: 'noble',
  arch: 'arm64',
  exportedAt: '2026-12-01T10:00:00Z',
  proposedName: 'web',
  uploaded: false,
  checksum,
});
const check = (verdict: ExportCheck['verdict'], message: string): ExportCheck => ({
  path: '/files/web.tar.zst',
  verdict,
  message,
  bytes: 100,
});

describe('the import preview checks the checksum', () => {
  it('shows progress, then the verdict, even when a progress event arrives after the answer', async () => {
    let answer: (c: ExportCheck) => void = () => {};
    let token = '';
    const { emit } = stubApi({
      'export:verify': (r) => {
        token = (r as { token: string }).token;
        return new Promise<ExportCheck>((resolve) => (answer = resolve));
      },
      'export:verify-cancel': () => ({ cancelled: true }),
    });
    render(<ImportDialog items={[preview('present')]} />);
    const status = await screen.findByRole('status', { name: 'Checksum' });
    act(() => emit('export:verify-progress', { token, bytesDone: 50, bytesTotal: 100 }));
    expect(status).toHaveTextContent('Checking its checksum… 50 B of 100 B');
    await act(async () => answer(check('verified', 'Verified: matches its checksum.')));
    // Sent before the answer, delivered after it: must not turn the verdict back into progress.
    act(() => emit('export:verify-progress', { token, bytesDone: 100, bytesTotal: 100 }));
    expect(screen.getByRole('status', { name: 'Checksum' })).toHaveTextContent(
      'Checksum checked: the file is exactly as it was exported.',
    );
    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
  }, 20_000);

  it('imports a damaged file only after "Import anyway"', async () => {
    const { invoke } = stubApi({
      'export:verify': () =>
        check('mismatch', 'Does not match its checksum: the file changed or is damaged.'),
      'export:verify-cancel': () => ({ cancelled: true }),
      'machine:import': () => job('web', 'queued', 'import'),
    });
    render(<ImportDialog items={[preview('present')]} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('does not match its checksum');
    const importButton = screen.getByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Import anyway'));
    await userEvent.click(importButton);
    expect(invoke).toHaveBeenCalledWith('machine:import', { path: '/files/web.tar.zst', name: 'web' });
  });

  it('says plainly that a file without a checksum was not checked, without reading the file', () => {
    const { invoke } = stubApi({});
    render(<ImportDialog items={[preview('missing')]} />);
    expect(screen.getByRole('status', { name: 'Checksum' })).toHaveTextContent(
      'Not checked: there is no checksum (.sha256) beside this file.',
    );
    expect(invoke).not.toHaveBeenCalledWith('export:verify', expect.anything());
  });

  it('keeps the core’s reason when a checksum file beside it was skipped', async () => {
    const skipped = "No checksum OrbDeck could use: 'web.tar.zst.sha256' was skipped: it is a named pipe.";
    stubApi({
      'export:verify': () => check('missing', skipped),
      'export:verify-cancel': () => ({ cancelled: true }),
    });
    render(<ImportDialog items={[preview('present')]} />);
    await vi.waitFor(() =>
      expect(screen.getByRole('status', { name: 'Checksum' })).toHaveTextContent(`Not checked: ${skipped}`),
    );
  });

  it('tells a browser’s upload without a checksum how to have it checked', () => {
    stubApi({});
    render(<ImportDialog items={[{ ...preview('missing'), uploaded: true }]} />);
    expect(screen.getByRole('status', { name: 'Checksum' })).toHaveTextContent(
      'Not checked: no checksum came with this file. To check it, drop or choose its .sha256 file together with it.',
    );
  });
});

describe('CheckpointsSection', () => {
  it("lists a machine's checkpoints with label and size, and says how OrbStack shows them", async () => {
    const records = [
      {
        name: 'web--cp-20261201-101500',
        sourceName: 'ubuntu',
        sourceId: machine('ubuntu').id,
        label: 'clean',
        createdAt: Date.UTC(2026, 11, 1, 10, 15),
        size: 2048,
      },
    ];
    stubApi({ 'checkpoint:list': () => records });
    useCheckpointRecords.getState().set(records);
    render(<CheckpointsSection machine={machine('ubuntu')} />);
    const section = screen.getByRole('region', { name: 'Checkpoints' });
    expect(section).toHaveTextContent('1 checkpoint');
    expect(section).toHaveTextContent(
      'OrbStack’s own app and orbctl show checkpoints as ordinary stopped machines',
    );
    const row = within(section).getByRole('row', { name: /clean/ });
    expect(row).toHaveTextContent('2.0 kB');
    await userEvent.click(within(row).getByRole('button', { name: 'Delete clean' }));
    // The confirmation names the checkpoint.
    expect(screen.getByText('Delete Checkpoint “clean”?')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete Checkpoint' })).toBeInTheDocument();
  });
});

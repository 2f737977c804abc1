import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Settings, SettingsUserPatch } from '../../../shared/ipc/settings';
import { resetStores, stubApi } from '../../../test/renderer/support';
import { useSettings } from '../../state/settings';
import { useUi } from '../../state/ui';
import { SettingsDialog } from './SettingsDialog';

const START: Settings = {
  orbctlPath: null,
  pollIntervalMs: 3000,
  exportFolder: null,
  lastExportFolder: null,
  notifications: true,
  openAtLogin: false,
  closeToMenuBar: true,
  hideDockWhenClosed: false,
  agentEndpoint: true,
  agentsMayStartStop: false,
};
let saved: Settings;
let calls: SettingsUserPatch[];

beforeEach(() => {
  resetStores([]);
  saved = { ...START };
  calls = [];
  useSettings.getState().set(saved);
  useUi.setState({ dialog: { kind: 'settings' } });
  stubApi({
    'settings:set': (patch) => {
      calls.push(patch);
      if (patch.pollIntervalMs !== undefined && patch.pollIntervalMs < 1000)
        throw new AppError(ErrorCode.INVALID_INPUT, 'Invalid pollIntervalMs: at least 1 second.');
      saved = { ...saved, ...patch };
      return saved;
    },
  });
});

describe('Settings', () => {
  it('applies a checkbox as it changes, alone, and says so', async () => {
    render(<SettingsDialog />);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    await userEvent.click(screen.getByLabelText(/Notify me/));
    expect(calls).toEqual([{ notifications: false }]);
    expect(useSettings.getState().settings?.notifications).toBe(false);
    expect(screen.getByLabelText(/Notify me/)).not.toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent(/applied/);
  });

  it('applies a text field when it is left, says what did not apply, and keeps the saved value', async () => {
    render(<SettingsDialog />);
    const poll = screen.getByLabelText('Refresh every (seconds)');
    await userEvent.clear(poll);
    await userEvent.type(poll, '0.1');
    await userEvent.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not applied: Invalid pollIntervalMs: at least 1 second.',
    );
    expect(useSettings.getState().settings?.pollIntervalMs).toBe(3000);
    // Done does not close over a value that was refused.
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(useUi.getState().dialog).not.toBeNull();

    await userEvent.clear(poll);
    await userEvent.type(poll, '5{Enter}');
    expect(useSettings.getState().settings?.pollIntervalMs).toBe(5000);
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(useUi.getState().dialog).toBeNull();
    expect(calls.at(-1)).toEqual({ pollIntervalMs: 5000 });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { checkpointName } from '../../shared/checkpoint-names';
import { testMachine } from '../../test/helpers/fixtures';
import { useMachines } from '../state/machines';
import { useCheckpointRecords } from '../state/checkpoints';
import { useToasts } from '../state/toasts';
import { useUi } from '../state/ui';
import { runAppCommand } from './app-commands';

describe('runAppCommand', () => {
  beforeEach(() => {
    useUi.setState({ dialog: null, activityOpen: false });
    useToasts.setState({ toasts: [] });
  });

  it('opens the dialog a menu command names', () => {
    runAppCommand({ command: 'settings' });
    expect(useUi.getState().dialog).toEqual({ kind: 'settings' });
  });

  it('does not replace a dialog that is open, as the window shortcuts do not', () => {
    useUi.setState({ dialog: { kind: 'create' } });
    runAppCommand({ command: 'settings' });
    runAppCommand({ command: 'export', machine: 'ubuntu' });
    expect(useUi.getState().dialog).toEqual({ kind: 'create' });
    expect(useToasts.getState().toasts.map((t) => t.text)).toContain('Close the open dialog first.');
  });

  it('still toggles Activity while a dialog is open', () => {
    useUi.setState({ dialog: { kind: 'create' } });
    runAppCommand({ command: 'activity' });
    expect(useUi.getState().activityOpen).toBe(true);
  });
});

describe('orbdeck:// links', () => {
  beforeEach(() => {
    useUi.setState({ dialog: null, activityOpen: false });
    useToasts.setState({ toasts: [] });
  });

  it('asks before a link that changes something acts', () => {
    runAppCommand({ command: 'deep-link', url: 'orbdeck://machine/ubuntu/stop' });
    expect(useUi.getState().dialog).toEqual({
      kind: 'deep-link',
      url: 'orbdeck://machine/ubuntu/stop',
      link: { kind: 'power', action: 'stop', machine: 'ubuntu' },
    });
  });

  it('shows a machine without asking, and says why a link is refused', () => {
    runAppCommand({ command: 'deep-link', url: 'orbdeck://machine/ubuntu' });
    expect(useUi.getState().dialog).toBeNull();
    runAppCommand({ command: 'deep-link', url: 'orbdeck://machine/ubuntu/delete' });
    expect(useUi.getState().dialog).toBeNull();
    expect(useToasts.getState().toasts.map((t) => t.text)).toContain(
      'OrbDeck links cannot “delete” a machine.',
    );
  });
});

describe('Export for a New Mac…', () => {
  const checkpoint = checkpointName('ubuntu', new Date(2026, 11, 1, 10, 0, 0), []);
  // Each test starts from the stores' first state (test/renderer/setup.ts), so the records are set before each.
  beforeEach(() => {
    useCheckpointRecords.getState().set([
      {
        name: checkpoint,
        machineId: `id-${checkpoint}`,
        sourceName: 'ubuntu',
        sourceId: 'id-ubuntu',
        label: 'before',
        createdAt: 1,
        size: null,
      },
    ]);
    useUi.setState({ dialog: null });
    useToasts.setState({ toasts: [] });
    useMachines.setState({ snapshot: null });
    useMachines.getState().select(null);
  });
  const snapshot = (names: string[]) =>
    useMachines.getState().setSnapshot({
      machines: names.map((n) => testMachine(n, 'stopped')),
      lastError: null,
      updatedAt: 1,
      version: 1,
    });

  it('offers every machine but the checkpoints, with the selected ones ticked', () => {
    snapshot(['alpine', 'ubuntu', checkpoint]);
    useMachines.getState().select('ubuntu');
    runAppCommand({ command: 'export-bundle' });
    expect(useUi.getState().dialog).toEqual({
      kind: 'export-many',
      machines: ['ubuntu'],
      offered: ['alpine', 'ubuntu'],
    });
  });

  it('ticks them all when none is selected, and says so when there is none', () => {
    snapshot(['alpine', 'ubuntu']);
    runAppCommand({ command: 'export-bundle' });
    expect(useUi.getState().dialog).toMatchObject({ machines: ['alpine', 'ubuntu'] });
    useUi.setState({ dialog: null });
    snapshot([checkpoint]);
    runAppCommand({ command: 'export-bundle' });
    expect(useUi.getState().dialog).toBeNull();
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['There is no machine to export.']);
  });
});

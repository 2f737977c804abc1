import { beforeEach, describe, expect, it } from 'vitest';
import { useToasts } from '../stores/toasts';
import { useUi } from '../stores/ui';
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

describe('orbdeck:// links (issue 15)', () => {
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

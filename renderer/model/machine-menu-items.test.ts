import { describe, expect, it } from 'vitest';
import { testMachine } from '../../test/helpers/fixtures';
import { machineMenuItems, type MenuItem } from './machine-menu-items';

const labels = (items: MenuItem[]) => items.map((i) => (i.kind === 'item' ? i.label : '—'));

describe('machineMenuItems', () => {
  it('lists one machine’s actions in the shared groups, enabled by the shared rules', () => {
    const items = machineMenuItems([{ machine: testMachine('web', 'stopped'), active: [] }], null);
    expect(labels(items)).toEqual([
      'Start',
      'Stop',
      'Restart',
      '—',
      'Open Terminal',
      'Copy SSH Command',
      'Open in VS Code',
      'Copy Address',
      'Open in Browser',
      '—',
      'Rename…',
      'Clone…',
      'Export…',
      'Make Default',
      'Change Limits…',
      '—',
      'Save Checkpoint…',
      'Revert to Checkpoint…',
      'Clone from Checkpoint…',
      '—',
      'Run Command…',
      'Copy File from Machine…',
      'Copy File to Machine…',
      '—',
      'Delete…',
    ]);
    const stop = items.find((i) => i.kind === 'item' && i.id === 'stop');
    expect(stop).toMatchObject({ enabled: false, reason: 'web is already stopped' });
  });

  it('leaves out what the inspector already shows as buttons', () => {
    const items = machineMenuItems(
      [{ machine: testMachine('web'), active: [] }],
      null,
      new Set(['start', 'stop', 'restart'] as const),
    );
    expect(labels(items)[0]).toBe('Open Terminal');
  });

  it('offers the bulk actions for several machines, counting those each can act on', () => {
    const items = machineMenuItems(
      [
        { machine: testMachine('a', 'running'), active: [] },
        { machine: testMachine('b', 'stopped'), active: [] },
      ],
      null,
    );
    expect(labels(items)).toEqual([
      'Start 1 Machine',
      'Stop 1 Machine',
      'Restart 1 Machine',
      '—',
      'Export 2 Machines…',
      'Run Command in 2 Machines…',
      '—',
      'Delete 2 Machines…',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Job } from '../../shared/jobs';
import type { Machine } from '../../shared/machine';
import { buildTrayMenu, rankMachines, trayIcon, type TrayItem } from './tray-menu';
import { testJob, testMachine } from '../../test/helpers/fixtures';

const m = (name: string, state = 'running'): Machine => testMachine(name, state);
const job = (machine: string, state: Job['state'] = 'running'): Job => testJob(machine, state);
const caps = (version: string, ok: boolean) => ({
  version,
  clone: ok,
  export: ok,
  import: ok,
  isolated: ok,
  resourceLimits: ok,
});
const base = { machines: [], jobs: [], history: [], error: null, capabilities: caps('2.2.0', true) };
const labels = (items: TrayItem[]) => items.map((i) => i.label ?? '—');
const find = (items: TrayItem[], label: string) => items.find((i) => i.label === label)!;

describe('buildTrayMenu', () => {
  it('with no machines says so and offers import', () => {
    const menu = buildTrayMenu(base);
    expect(labels(menu)).toEqual([
      '0 of 0 machines running',
      '—',
      'No machines yet',
      '—',
      'Start All',
      'Stop All',
      '—',
      'Import…',
      'Show OrbDeck',
      '—',
      'Quit OrbDeck',
    ]);
    expect(find(menu, 'Start All').enabled).toBe(false);
    expect(find(menu, 'Import…').enabled).toBe(true);
  });

  it('gives each machine a submenu with actions enabled by its state', () => {
    const menu = buildTrayMenu({ ...base, machines: [m('web'), m('db', 'stopped')] });
    expect(menu[0]!.label).toBe('1 of 2 machines running');
    const web = find(menu, 'web').submenu!;
    expect(find(web, 'Start').enabled).toBe(false);
    expect(find(web, 'Stop')).toMatchObject({
      enabled: true,
      action: { kind: 'machine', action: 'stop', machine: 'web' },
    });
    expect(find(web, 'Restart').enabled).toBe(true);
    const db = find(menu, 'db').submenu!;
    expect(find(db, 'Start').enabled).toBe(true);
    expect(find(db, 'Restart').enabled).toBe(false);
    expect(find(db, 'Export…').action).toEqual({ kind: 'dialog', dialog: 'export', machine: 'db' });
    expect(find(menu, 'Start All').enabled).toBe(true);
  });

  it('disables the actions of a busy machine and counts active jobs', () => {
    const menu = buildTrayMenu({
      ...base,
      machines: [m('web'), m('db', 'stopped')],
      jobs: [job('web'), job('db', 'queued')],
    });
    expect(menu[0]!.label).toBe('1 of 2 machines running · 2 jobs active');
    const web = find(menu, 'web');
    expect(web.sublabel).toBe('Running · Export web');
    for (const label of ['Start', 'Stop', 'Restart', 'Clone…', 'Export…'])
      expect(find(web.submenu!, label).enabled).toBe(false);
    expect(find(web.submenu!, 'Stop').toolTip).toBe('Busy: Export web. Wait for it to finish.');
    expect(find(web.submenu!, 'Copy SSH Command').enabled).not.toBe(false);
    expect(find(menu, 'Stop All').enabled).toBe(false);
  });

  it('keeps the top level short with many machines', () => {
    const machines = Array.from({ length: 30 }, (_, i) =>
      m(`vm-${String(i).padStart(2, '0')}`, i % 3 ? 'stopped' : 'running'),
    );
    const menu = buildTrayMenu({ ...base, machines });
    const top = menu.filter((i) => i.type === 'submenu' && !i.label!.startsWith('More'));
    expect(top).toHaveLength(7);
    expect(top.every((i) => i.sublabel === 'Running')).toBe(true);
    const more = menu.find((i) => i.label?.startsWith('More'))!;
    expect(more.label).toBe('More (23)');
    expect(top.length + more.submenu!.length).toBe(30);
  });

  it('says what is wrong when orbctl is missing or OrbStack is stopped', () => {
    const missing = buildTrayMenu({ ...base, error: { code: 'NOT_INSTALLED', message: 'x' } });
    expect(missing[0]!.label).toBe('OrbStack is not installed');
    expect(labels(missing)).not.toContain('No machines yet');
    expect(find(missing, 'Import…').enabled).toBe(false);
    expect(buildTrayMenu({ ...base, error: { code: 'ORBSTACK_NOT_RUNNING', message: 'x' } })[0]!.label).toBe(
      'OrbStack is not running',
    );
  });

  it('hides transfers from an old orbctl, and says why', () => {
    const menu = buildTrayMenu({ ...base, machines: [m('web')], capabilities: caps('1.9.5', false) });
    expect(find(find(menu, 'web').submenu!, 'Clone…')).toMatchObject({
      enabled: false,
      toolTip: 'Needs OrbStack 1.10 or newer (this is 1.9.5)',
    });
    expect(find(menu, 'Import…').enabled).toBe(false);
  });

  // The tray once had its own copy of these rules, which let Clone and Export run on a machine mid-transition
  // and ignored a rename's new name; now it asks the window's rules (shared/machine-actions.ts).
  it('follows the window’s rules: no transfers mid-transition, a rename’s new name is busy too', () => {
    const renaming = testJob('old', 'running', 'rename', { touches: ['new'], title: 'Rename old to new' });
    const menu = buildTrayMenu({
      ...base,
      machines: [m('web', 'starting'), m('new', 'stopped')],
      jobs: [renaming],
    });
    const web = find(menu, 'web').submenu!;
    for (const label of ['Clone…', 'Export…', 'Start', 'Restart'])
      expect(find(web, label).enabled).toBe(false);
    expect(find(web, 'Stop').enabled).toBe(true);
    const target = find(menu, 'new').submenu!;
    expect(find(target, 'Start')).toMatchObject({
      enabled: false,
      toolTip: expect.stringMatching(/^Busy: Rename old to new/),
    });
  });
});

describe('rankMachines and trayIcon', () => {
  it('puts running and much-used machines first', () => {
    const history = [{ machine: 'b' }, { machine: 'b' }, { machine: 'c' }] as HistoryEntry[];
    expect(
      rankMachines([m('a', 'stopped'), m('b', 'stopped'), m('c', 'stopped'), m('z')], history).map(
        (x) => x.name,
      ),
    ).toEqual(['z', 'b', 'c', 'a']);
  });

  it('shows busy while a job runs, an error mark when unavailable', () => {
    expect(trayIcon({ jobs: [job('a')], error: null })).toBe('busy');
    expect(trayIcon({ jobs: [job('a', 'queued')], error: null })).toBe('idle');
    expect(trayIcon({ jobs: [], error: { code: 'NOT_INSTALLED', message: '' } })).toBe('error');
  });
});

describe('New from Preset', () => {
  const base = { machines: [], jobs: [], history: [], error: null, capabilities: null };
  const find = (items: TrayItem[], label: string) => items.find((i) => i.label === label);

  it('lists every preset, each one click away', () => {
    const menu = buildTrayMenu({ ...base, presets: [{ id: 'preset-a', name: 'Web box' }] });
    expect(find(menu, 'New from Preset')?.submenu).toEqual([
      { label: 'Web box', action: { kind: 'create-from-preset', preset: 'preset-a' } },
    ]);
  });

  it('is not there without presets', () => {
    expect(find(buildTrayMenu({ ...base, presets: [] }), 'New from Preset')).toBeUndefined();
  });
});

describe('buildTrayMenu: start policies', () => {
  it('starts and stops the machines the start policy names, when some can be', () => {
    const web = { ...m('web', 'stopped'), id: 'ID-WEB' };
    const db = { ...m('db', 'running'), id: 'ID-DB' };
    const policies = [
      { id: 'ID-WEB', startWithApp: true, stopOnQuit: true },
      { id: 'ID-DB', startWithApp: false, stopOnQuit: true },
    ];
    const menu = buildTrayMenu({ ...base, machines: [web, db], policies });
    const start = find(menu, 'Start Machines Set to Start with OrbDeck');
    const stop = find(menu, 'Stop Machines Set to Stop with OrbDeck');
    expect(start).toMatchObject({ enabled: true, action: { kind: 'start-policy' } });
    expect(start.toolTip).toBe('1 set to start with OrbDeck, 1 of them stopped');
    expect(stop).toMatchObject({ enabled: true, action: { kind: 'stop-policy' } });
    expect(stop.toolTip).toBe('2 set to stop when OrbDeck quits, 1 of them running');
    // Busy machines are left alone; with no policy at all the items are not there.
    const busy = buildTrayMenu({ ...base, machines: [web, db], policies, jobs: [job('db')] });
    expect(find(busy, 'Stop Machines Set to Stop with OrbDeck').enabled).toBe(false);
    expect(labels(buildTrayMenu({ ...base, machines: [web, db] }))).not.toContain(
      'Start Machines Set to Start with OrbDeck',
    );
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/jobs';
import { buildAppMenu, type AppMenuItem } from '../../shared/app-menu';
import { filesFromArgv, OpenFileQueue } from './open-files';
import { jobNotification, quitQuestion } from './job-messages';
import { boundsOnScreen, readWindowState, writeWindowState } from './window-state';

const job = (kind: Job['kind'], state: Job['state'], extra: Partial<Job> = {}): Job => ({
  id: `job-${kind}-${state}`,
  kind,
  machine: 'ubuntu',
  title: `${kind} ubuntu`,
  state,
  createdAt: 1,
  cancellable: true,
  ...extra,
});

describe('quitQuestion', () => {
  it('does not ask when nothing runs', () => {
    expect(quitQuestion([job('export', 'succeeded')])).toBeNull();
  });

  it('says what happens to each running job and to the queue', () => {
    const q = quitQuestion([job('export', 'running'), job('create', 'running'), job('start', 'queued')])!;
    expect(q.message).toBe('3 jobs are not finished. Quit anyway?');
    expect(q.detail).toContain('export ubuntu: the partial export file is removed.');
    expect(q.detail).toContain('OrbStack may still finish creating the machine');
    expect(q.detail).toContain('1 queued job will not run.');
    expect(q.buttons).toEqual(['Quit and Cancel Jobs', 'Keep Running']);
  });
});

describe('jobNotification', () => {
  it('describes how a job ended', () => {
    const exported = job('export', 'succeeded', { durationMs: 12_400, title: 'Export ubuntu to u.tar.zst' });
    expect(jobNotification(exported)).toEqual({
      title: 'Exported ubuntu to u.tar.zst',
      body: 'Finished in 12 s.',
    });
    expect(
      jobNotification(
        job('import', 'failed', { error: { code: 'BAD_EXPORT_FILE', message: 'Not an export.' } }),
      )?.body,
    ).toBe('Not an export.');
    expect(jobNotification(job('start', 'running'))).toBeNull();
  });

  it('says of an agent’s jobs only what OrbDeck refused it', () => {
    expect(
      jobNotification(job('run', 'failed', { by: 'agent', error: { code: 'COMMAND_FAILED', message: 'x' } })),
    ).toBeNull();
    expect(jobNotification(job('run', 'succeeded', { by: 'agent' }))).toBeNull();
    const refused = job('agent', 'failed', {
      by: 'agent',
      title: 'Agent asked to delete ubuntu: refused',
      error: { code: 'FORBIDDEN', message: 'ubuntu is not a sandbox.' },
    });
    expect(jobNotification(refused)).toEqual({
      title: 'Agent asked to delete ubuntu: refused',
      body: 'ubuntu is not a sandbox.',
    });
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1440, height: 900 }];
  it('keeps bounds that are on a display and shrinks them to fit', () => {
    expect(boundsOnScreen({ x: 100, y: 80, width: 1100, height: 700 }, screen)).toEqual({
      x: 100,
      y: 80,
      width: 1100,
      height: 700,
    });
    expect(boundsOnScreen({ x: 0, y: 0, width: 3000, height: 2000 }, screen)).toMatchObject({
      width: 1440,
      height: 900,
    });
  });

  it('drops bounds left on a monitor that is gone', () => {
    expect(boundsOnScreen({ x: 2000, y: 100, width: 800, height: 600 }, screen)).toBeNull();
    expect(boundsOnScreen(null, screen)).toBeNull();
  });

  it('reads back what it wrote, and nothing from a damaged file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orbdeck-ws-')), 'window.json');
    writeWindowState(file, { x: 1, y: 2, width: 800, height: 600, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: true });
    writeFileSync(file, '{"x": "left"}');
    expect(readWindowState(file)).toBeNull();
  });
});

describe('OpenFileQueue', () => {
  it('holds files until a window can take them, then hands them over at once', () => {
    const queue = new OpenFileQueue();
    queue.add(['/a.tar.zst']);
    queue.add(['/a.tar.zst', '/b.tar.zst']);
    const got: string[][] = [];
    queue.ready((paths) => got.push(paths));
    queue.add(['/c.tar.zst']);
    expect(got).toEqual([['/a.tar.zst', '/b.tar.zst'], ['/c.tar.zst']]);
  });

  it('finds export files among launch arguments', () => {
    expect(
      filesFromArgv(['/Applications/OrbDeck.app', '--demo', '/Users/me/web.tar.zst', '/x/notes.txt']),
    ).toEqual(['/Users/me/web.tar.zst']);
  });
});

describe('buildAppMenu', () => {
  const flat = (items: AppMenuItem[]): AppMenuItem[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
  it('has the standard roles and OrbDeck’s shortcuts', () => {
    const items = flat(buildAppMenu());
    const roles = items.map((i) => i.role).filter(Boolean);
    for (const role of ['about', 'hide', 'quit', 'editMenu', 'windowMenu', 'help'])
      expect(roles).toContain(role);
    const shortcut = (label: string) => items.find((i) => i.label === label)?.accelerator;
    expect(shortcut('New Machine…')).toBe('CmdOrCtrl+N');
    expect(shortcut('Import…')).toBe('CmdOrCtrl+I');
    expect(shortcut('Export…')).toBe('CmdOrCtrl+E');
    expect(shortcut('Refresh')).toBe('CmdOrCtrl+R');
    expect(shortcut('Activity')).toBe('CmdOrCtrl+Shift+A');
    expect(shortcut('Settings…')).toBe('CmdOrCtrl+,');
  });
});

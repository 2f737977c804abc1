import { beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../shared/jobs';
import { resetStores } from '../../test/renderer/support';
import { noticeJobChange } from './job-notices';
import { useToasts } from './toasts';
import { useUi } from './ui';

const failed = (kind: Job['kind'], machine: string): Job => ({
  id: `job-${kind}-${machine}`,
  kind,
  machine,
  title: `${kind} ${machine}`,
  state: 'failed',
  createdAt: 0,
  cancellable: true,
  error: { code: 'COMMAND_FAILED', message: 'The command exited with 2 in 0.1 s.' },
});
const running = (job: Job): Job => ({ ...job, state: 'running' });
const toasts = () => useToasts.getState().toasts.map((t) => t.text);

beforeEach(() => {
  resetStores();
  useToasts.setState({ toasts: [] });
});

describe('noticeJobChange', () => {
  it('says when a job failed', () => {
    const job = failed('start', 'ubuntu');
    noticeJobChange(running(job), job, 'headless');
    expect(toasts()).toEqual(['start ubuntu failed']);
  });

  it('says how a command ended in a passing line, not as an error that stays', () => {
    const job = failed('run', 'ubuntu');
    noticeJobChange(running(job), job, 'headless');
    expect(useToasts.getState().toasts).toMatchObject([
      { kind: 'info', text: 'run ubuntu: The command exited with 2 in 0.1 s.' },
    ]);
  });

  it('says a failed copy once, in its dialog, when that dialog is open', () => {
    useUi.setState({ dialog: { kind: 'pull', machine: 'ubuntu' } });
    const job = failed('pull', 'ubuntu');
    noticeJobChange(running(job), job, 'headless');
    expect(toasts()).toEqual([]);
    useUi.setState({ dialog: null });
    const later = { ...failed('pull', 'ubuntu'), id: 'job-3' };
    noticeJobChange(running(later), later, 'headless');
    expect(toasts()).toEqual(['pull ubuntu failed']);
  });

  it('keeps quiet about a run whose dialog shows its ending, and only about that one', () => {
    useUi.setState({ dialog: { kind: 'run-many', machines: ['ubuntu', 'fedora'] } });
    for (const job of [failed('run', 'ubuntu'), failed('run', 'debian'), failed('stop', 'fedora')])
      noticeJobChange(running(job), job, 'headless');
    expect(toasts()).toEqual(['run debian: The command exited with 2 in 0.1 s.', 'stop fedora failed']);
    useUi.setState({ dialog: { kind: 'run', machine: 'debian' } });
    const again = { ...failed('run', 'debian'), id: 'job-2' };
    noticeJobChange(running(again), again, 'headless');
    expect(toasts()).toHaveLength(2);
  });

  it('says that a long job went well, once, with a way to its file in the desktop app', () => {
    const job: Job = {
      ...failed('export', 'ubuntu'),
      state: 'succeeded',
      error: undefined,
      title: 'Export ubuntu to u.tar.zst',
      durationMs: 13_000,
      bytes: 394_000_000,
      path: '/Users/me/u.tar.zst',
    };
    noticeJobChange(running(job), job, 'electron');
    expect(useToasts.getState().toasts).toMatchObject([
      {
        kind: 'success',
        text: 'Exported ubuntu to u.tar.zst, 394.0 MB',
        action: { label: 'Show in Finder' },
      },
    ]);
    const quick = { ...job, id: 'quick', durationMs: 800 };
    noticeJobChange(running(quick), quick, 'electron');
    expect(useToasts.getState().toasts).toHaveLength(1);
  });
});

describe('noticeJobChange for an agent’s jobs', () => {
  it('says only what OrbDeck refused an agent; its other jobs stay in Activity and History', () => {
    const run = { ...failed('run', 'box'), by: 'agent' as const };
    noticeJobChange(running(run), run, 'headless');
    const done = {
      ...run,
      id: 'job-done',
      state: 'succeeded' as const,
      outcome: 'The command exited with 0.',
    };
    noticeJobChange(running(done), done, 'headless');
    expect(toasts()).toEqual([]);
    const refused: Job = {
      ...failed('agent', 'ubuntu'),
      title: 'Agent asked to delete ubuntu: refused',
      by: 'agent',
      error: { code: 'FORBIDDEN', message: 'ubuntu is not a sandbox.' },
    };
    noticeJobChange(undefined, refused, 'headless');
    expect(toasts()).toEqual(['Agent asked to delete ubuntu: refused: ubuntu is not a sandbox.']);
    expect(useToasts.getState().toasts[0]?.kind).toBe('warning');
  });
});

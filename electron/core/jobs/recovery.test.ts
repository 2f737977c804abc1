import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job, JobKind } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import { testJob, testMachine } from '../../../test/helpers/fixtures';
import { Notices } from '../platform/notices';
import { JobJournal } from './journal';
import type { JobSpec } from './job-manager';
import type { ProcessProbe } from './processes';
import { recoverInterruptedJobs, type RecoveryDeps } from './recovery';

/** A process table the test writes: pid → command line. */
function fakeProbe(table: Map<number, string[]>): ProcessProbe & { signals: string[] } {
  const signals: string[] = [];
  return {
    signals,
    commandLine: (pid) => table.get(pid) ?? null,
    startTicks: () => undefined,
    signalGroup(pid, signal) {
      signals.push(`${signal} ${pid}`);
      table.delete(pid);
      return true;
    },
  };
}

const spec = (job: Job, extra: Partial<JobSpec> = {}): JobSpec => ({
  kind: job.kind,
  machine: job.machine,
  title: job.title,
  run: async () => {},
  ...extra,
});

/** A journal as a crashed run leaves it: the job started, maybe with an orbctl running. */
function crashed(dir: string, job: Job, extra: Partial<JobSpec> = {}, pid?: number, argv: string[] = []) {
  const journal = new JobJournal(dir, { probe: fakeProbe(new Map()) });
  const signal = new AbortController().signal;
  journal.started({ ...job, startedAt: 10 }, spec(job, extra), signal);
  if (pid) journal.spawned(pid, argv, signal);
}

async function recover(
  dir: string,
  machines: Machine[] | Error,
  probe = fakeProbe(new Map()),
  historyIds: string[] = [],
) {
  const recorded: Job[] = [];
  const notices = new Notices();
  const deps: RecoveryDeps = {
    journal: new JobJournal(dir),
    historyIds: () => new Set(historyIds),
    listMachines: async () => {
      if (machines instanceof Error) throw machines;
      return machines;
    },
    record: (job) => recorded.push(job),
    notices,
    probe,
    graceMs: 50,
  };
  await recoverInterruptedJobs(deps);
  return { recorded, notices, probe };
}

const dir = () => join(mkdtempSync(join(tmpdir(), 'orbdeck-journal-')), 'running-jobs');
const outcome = async (kind: JobKind, machines: Machine[], extra: Partial<Job> = {}, touches?: string[]) => {
  const d = dir();
  crashed(d, testJob('web', 'running', kind, extra), touches ? { touches } : {});
  const { recorded } = await recover(d, machines);
  return [recorded[0]!.state, recorded[0]!.outcome];
};

describe('recoverInterruptedJobs', () => {
  it('tells for each kind what the machines show', async () => {
    const I = 'Interrupted when OrbDeck quit';
    expect(await outcome('start', [testMachine('web', 'running')])).toEqual([
      'succeeded',
      `${I}; “web” is running.`,
    ]);
    expect(await outcome('stop', [testMachine('web', 'running')])).toEqual([
      'failed',
      `${I}; “web” is running.`,
    ]);
    expect(await outcome('delete', [])).toEqual(['succeeded', `${I}; “web” was deleted anyway.`]);
    expect(await outcome('create', [])).toEqual(['failed', `${I}; no machine was created.`]);
    expect(await outcome('clone', [testMachine('web-2')], {}, ['web', 'web-2'])).toEqual([
      'succeeded',
      `${I}; the copy “web-2” was made anyway.`,
    ]);
    expect(await outcome('rename', [testMachine('web')], {}, ['web', 'site'])).toEqual([
      'failed',
      `${I}; “web” was not renamed.`,
    ]);
    expect(await outcome('restart', [testMachine('web')])).toEqual([
      'failed',
      `${I}; whether it took effect is not known.`,
    ]);
  });

  it('says so when the machines cannot be read', async () => {
    const d = dir();
    crashed(d, testJob('web', 'running', 'import'));
    const { recorded } = await recover(d, new Error('OrbStack is not running.'));
    expect(recorded[0]).toMatchObject({
      state: 'failed',
      outcome:
        'Interrupted when OrbDeck quit; what happened could not be checked (OrbStack is not running.).',
    });
  });

  it('never signals a process that now runs something else under the recorded pid', async () => {
    const d = dir();
    crashed(d, testJob('web', 'running', 'export', { path: '/x/web.tar.zst' }), {}, 4242, [
      '/bin/orbctl',
      'export',
      'web',
      '/x/.p',
    ]);
    const probe = fakeProbe(new Map([[4242, ['/usr/bin/vim', 'notes.txt']]]));
    const { recorded } = await recover(d, [testMachine('web')], probe);
    expect(probe.signals).toEqual([]);
    expect(recorded[0]!.outcome).toBe('Interrupted when OrbDeck quit; the export was not finished.');
  });

  it('never signals a program a tampered record names instead of orbctl', async () => {
    const d = dir();
    crashed(d, testJob('web', 'running', 'start'), {}, 4242, ['/usr/bin/vim', 'notes.txt']);
    const probe = fakeProbe(new Map([[4242, ['/usr/bin/vim', 'notes.txt']]]));
    await recover(d, [testMachine('web')], probe);
    expect(probe.signals).toEqual([]);
  });

  it('stops the recorded orbctl and removes the scratch files it left', async () => {
    const d = dir();
    const out = mkdtempSync(join(tmpdir(), 'orbdeck-out-'));
    const partial = join(out, '.web.tar.zst.1234.partial');
    writeFileSync(partial, 'half');
    const argv = ['/bin/orbctl', 'export', 'web', partial];
    crashed(
      d,
      testJob('web', 'running', 'export', { path: join(out, 'web.tar.zst') }),
      { scratchFiles: [partial] },
      4242,
      argv,
    );
    const probe = fakeProbe(new Map([[4242, ['/usr/bin/node', ...argv]]]));
    const { recorded, notices } = await recover(d, [testMachine('web')], probe);
    expect(probe.signals).toEqual(['SIGINT 4242']);
    expect(existsSync(partial)).toBe(false);
    expect(recorded[0]!.outcome).toBe(
      'Interrupted when OrbDeck quit; its orbctl was still running and was stopped; the export was not finished; the partial file was removed.',
    );
    expect(notices.list().map((n) => [n.level, n.text])).toEqual([
      ['warning', `Export web: ${recorded[0]!.outcome!.replace('Interrupted', 'interrupted')}`],
    ]);
    expect(readdirSync(d)).toEqual([]);
  });

  it('calls an export complete when its file is in place, written after it started', async () => {
    const d = dir();
    const out = mkdtempSync(join(tmpdir(), 'orbdeck-out-'));
    writeFileSync(join(out, 'web.tar.zst'), 'complete');
    crashed(d, testJob('web', 'running', 'export', { path: join(out, 'web.tar.zst') }), {
      scratchFiles: [join(out, '.gone.partial')],
    });
    const { recorded } = await recover(d, [testMachine('web')]);
    expect(recorded[0]).toMatchObject({
      state: 'succeeded',
      outcome: 'Interrupted when OrbDeck quit; the export was complete: web.tar.zst is in place.',
    });
  });

  it('adds nothing for a job the history already holds, and drops unreadable records', async () => {
    const d = dir();
    const job = testJob('web', 'running', 'start');
    crashed(d, job);
    writeFileSync(join(d, 'job-broken.json'), '{"version":1,');
    const { recorded, notices } = await recover(d, [testMachine('web')], undefined, [job.id]);
    expect(recorded).toEqual([]);
    expect(notices.list()).toEqual([]);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('JobJournal', () => {
  it('keeps one record per running job, with its live orbctl processes, and removes it at the end', () => {
    const d = dir();
    const journal = new JobJournal(d, { probe: fakeProbe(new Map()) });
    const signal = new AbortController().signal;
    const job = testJob('web', 'running', 'export');
    journal.started({ ...job, startedAt: 5 }, spec(job, { scratchFiles: ['/x/.p'] }), signal);
    journal.spawned(10, ['/bin/orbctl', 'info', 'web'], signal);
    journal.spawned(11, ['/bin/orbctl', 'list'], new AbortController().signal); // someone else's call
    journal.exited(10);
    journal.spawned(12, ['/bin/orbctl', 'export', 'web', '/x/.p'], signal);
    const { records } = new JobJournal(d).leftovers();
    expect(records).toEqual([
      expect.objectContaining({
        id: job.id,
        kind: 'export',
        scratchFiles: ['/x/.p'],
        processes: [{ pid: 12, argv: ['/bin/orbctl', 'export', 'web', '/x/.p'] }],
      }),
    ]);
    // Its own records are not leftovers.
    expect(journal.leftovers().records).toEqual([]);
    journal.finished(job.id);
    expect(readdirSync(d)).toEqual([]);
  });

  it('says once when it cannot record running jobs', () => {
    const notices = new Notices();
    const journal = new JobJournal(dir(), {
      notices,
      writer: {
        append() {},
        remove() {},
        replace() {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
      },
    });
    const signal = new AbortController().signal;
    journal.started(testJob('a'), spec(testJob('a')), signal);
    journal.spawned(10, ['/bin/orbctl'], signal);
    expect(notices.list().map((n) => n.text)).toEqual([
      'Running jobs could not be recorded: the disk is full. If OrbDeck quits before they end, what they leave behind cannot be cleaned up at the next start.',
    ]);
  });
});

import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { formatHistory, JobHistory } from './history';

const file = () => join(mkdtempSync(join(tmpdir(), 'orbdeck-history-')), 'history.jsonl');
const job = (id: string, extra: Partial<Job> = {}): Job => ({
  id,
  kind: 'export',
  machine: 'ubuntu',
  title: 'Export ubuntu',
  state: 'succeeded',
  createdAt: 1,
  startedAt: 2,
  endedAt: 5000,
  durationMs: 4998,
  cancellable: true,
  bytes: 1234,
  ...extra,
});

describe('JobHistory', () => {
  it('survives a restart', () => {
    const path = file();
    const history = new JobHistory(path);
    history.add(job('job-a'));
    history.add(job('job-b', { state: 'failed', error: { code: 'ORBCTL_FAILED', message: 'boom' } }));
    history.add(job('job-c', { state: 'running' }));
    const again = new JobHistory(path);
    expect(again.list().map((e) => [e.id, e.state])).toEqual([
      ['job-a', 'succeeded'],
      ['job-b', 'failed'],
    ]);
    expect(again.list()[1]!.error).toEqual({ code: 'ORBCTL_FAILED', message: 'boom' });
  });

  it('skips damaged lines without losing the others', () => {
    const path = file();
    new JobHistory(path).add(job('job-a'));
    appendFileSync(path, '{"half": \n');
    appendFileSync(path, JSON.stringify({ id: 'job-x' }) + '\n');
    new JobHistory(path).add(job('job-b'));
    const again = new JobHistory(path);
    expect(again.list().map((e) => e.id)).toEqual(['job-a', 'job-b']);
    expect(again.skipped).toBe(2);
  });

  it('clears', () => {
    const path = file();
    const history = new JobHistory(path);
    history.add(job('job-a'));
    history.clear();
    expect(new JobHistory(path).list()).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});

describe('formatHistory', () => {
  it('writes CSV with a header and proper quoting', () => {
    const csv = formatHistory(
      [job('job-a', { title: 'Export "a", then b', state: 'succeeded' }) as never],
      'csv',
    );
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(
      'id,kind,machine,title,state,startedAt,endedAt,durationMs,bytes,sourceBytes,path,error,outcome',
    );
    expect(row).toBe(
      'job-a,export,ubuntu,"Export ""a"", then b",succeeded,1970-01-01T00:00:00.002Z,1970-01-01T00:00:05.000Z,4998,1234,,,,',
    );
  });

  it('writes JSON that reads back', () => {
    const entries = [job('job-a') as never];
    expect(JSON.parse(formatHistory(entries, 'json'))).toEqual(entries);
  });
});

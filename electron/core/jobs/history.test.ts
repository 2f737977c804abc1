import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/jobs';
import { Notices } from '../platform/notices';
import { realWriter, type FileWriter } from '../platform/storage';
import { tinyDisk, tinyDiskSupported, type TinyDisk } from '../../../test/helpers/disks';
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

  it('skips damaged lines without losing the others, sets them aside and says so once', () => {
    const path = file();
    new JobHistory(path).add(job('job-a'));
    appendFileSync(path, '{"half": \n');
    appendFileSync(path, JSON.stringify({ id: 'job-x' }) + '\n');
    const notices = new Notices();
    const repaired = new JobHistory(path, { notices });
    expect(repaired.skipped).toBe(2);
    repaired.add(job('job-b'));
    const aside = readdirSync(join(path, '..')).filter((n) => n.startsWith('history.jsonl.bad-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(path, '..', aside[0]!), 'utf8')).toBe('{"half": \n{"id":"job-x"}\n');
    expect(notices.list().map((n) => [n.level, n.text])).toEqual([
      [
        'warning',
        `History: 2 damaged lines could not be read and were set aside in ${aside[0]}; the other entry is intact.`,
      ],
    ]);
    const again = new Notices();
    expect(new JobHistory(path, { notices: again }).list().map((e) => e.id)).toEqual(['job-a', 'job-b']);
    expect(again.list()).toEqual([]);
  });

  it('never overwrites damaged lines set aside earlier', () => {
    const path = file();
    writeFileSync(path, 'first damage\n');
    new JobHistory(path);
    writeFileSync(path, 'second damage\n');
    new JobHistory(path);
    const dir = join(path, '..');
    const aside = readdirSync(dir).filter((n) => n.startsWith('history.jsonl.bad-'));
    expect(aside.map((n) => readFileSync(join(dir, n), 'utf8')).sort()).toEqual([
      'first damage\n',
      'second damage\n',
    ]);
  });

  it('does not let a cut-off last line swallow the next entry', () => {
    const path = file();
    // The last write of a crashed run: a whole entry, but no newline after it.
    writeFileSync(path, JSON.stringify({ ...job('job-a'), endedAt: 5000 }));
    new JobHistory(path).add(job('job-b'));
    expect(new JobHistory(path).list().map((e) => e.id)).toEqual(['job-a', 'job-b']);
    // And a line cut in the middle is set aside, never glued to the next one.
    appendFileSync(path, '{"id":"job-c","kind":"exp');
    new JobHistory(path).add(job('job-d'));
    expect(new JobHistory(path).list().map((e) => e.id)).toEqual(['job-a', 'job-b', 'job-d']);
  });

  it('reads a line repeated by a retried append once', () => {
    const path = file();
    const line = JSON.stringify(job('job-a')) + '\n';
    writeFileSync(path, line + '\n' + line);
    expect(new JobHistory(path).list().map((e) => e.id)).toEqual(['job-a']);
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

describe('JobHistory on a disk that refuses writes', () => {
  const saved = (path: string) => new JobHistory(path).list().map((e) => e.id);
  const texts = (notices: Notices) => notices.list().map((n) => n.text);

  it.runIf(process.platform === 'linux')(
    'keeps entries in memory on a full disk, warns once, and writes them when space returns',
    async () => {
      const path = file();
      const notices = new Notices();
      const history = new JobHistory(path, { notices, retryMs: 20 });
      history.add(job('job-a'));
      // A history file that is /dev/full: every write fails with ENOSPC, as on a full disk.
      renameSync(path, `${path}.real`);
      symlinkSync('/dev/full', path);
      expect(() => history.add(job('job-b'))).not.toThrow();
      history.add(job('job-c'));
      expect(history.list().map((e) => e.id)).toEqual(['job-a', 'job-b', 'job-c']);
      expect(history.unsaved()).toBe(2);
      expect(texts(notices)).toEqual([
        'History could not be saved: the disk is full. Finished jobs stay listed and are written when saving works again.',
      ]);
      unlinkSync(path);
      renameSync(`${path}.real`, path);
      // No new job needed: the retry timer writes what is pending.
      await expect.poll(() => history.unsaved(), { timeout: 2000 }).toBe(0);
      history.close();
      expect(saved(path)).toEqual(['job-a', 'job-b', 'job-c']);
      expect(texts(notices)[1]).toBe(
        'History is saved again: 2 entries kept in memory meanwhile were written.',
      );
    },
  );

  it('says so when the data folder is not a folder (ENOTDIR), and keeps the entry', () => {
    const notAFolder = join(mkdtempSync(join(tmpdir(), 'orbdeck-history-')), 'data');
    writeFileSync(notAFolder, 'a file where the data folder should be');
    const notices = new Notices();
    const history = new JobHistory(join(notAFolder, 'history.jsonl'), { notices });
    history.add(job('job-a'));
    history.close();
    expect(history.list().map((e) => e.id)).toEqual(['job-a']);
    expect(texts(notices)).toEqual([
      'History could not be saved: the data folder is missing or is not a folder. Finished jobs stay listed and are written when saving works again.',
    ]);
  });

  it('says the data folder is read-only (EROFS), and appends the unsaved lines at the next entry', () => {
    const path = file();
    let readOnly = true;
    const writer: FileWriter = {
      ...realWriter,
      append(f, text) {
        if (readOnly) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
        realWriter.append(f, text);
      },
    };
    const notices = new Notices();
    const history = new JobHistory(path, { notices, writer, retryMs: 60_000 });
    history.add(job('job-a'));
    history.add(job('job-b'));
    expect(texts(notices)).toEqual([
      'History could not be saved: the data folder is read-only. Finished jobs stay listed and are written when saving works again.',
    ]);
    readOnly = false;
    history.add(job('job-c'));
    history.close();
    expect(saved(path)).toEqual(['job-a', 'job-b', 'job-c']);
    expect(history.unsaved()).toBe(0);
  });

  it('refuses to clear when the file cannot be written, and changes nothing', () => {
    const path = file();
    const history = new JobHistory(path);
    history.add(job('job-a'));
    const broken = new JobHistory(path, {
      writer: {
        ...realWriter,
        replace() {
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        },
      },
    });
    expect(() => broken.clear()).toThrow('The history could not be cleared: the disk is full.');
    expect(broken.list().map((e) => e.id)).toEqual(['job-a']);
    expect(saved(path)).toEqual(['job-a']);
  });

  describe.runIf(tinyDiskSupported)('on a real tiny disk (tmpfs, as root)', () => {
    let disk: TinyDisk | undefined;
    afterEach(() => disk?.unmount());

    it('survives a full disk and a read-only remount, and loses nothing', async () => {
      disk = tinyDisk();
      const path = join(disk.dir, 'history.jsonl');
      const notices = new Notices();
      const history = new JobHistory(path, { notices, retryMs: 60_000 });
      // Titles long enough that every line needs a fresh block.
      const big = (id: string) => job(id, { title: `Export ubuntu ${'x'.repeat(5000)}` });
      history.add(big('job-a'));
      disk.fill();
      history.add(big('job-b'));
      expect(history.unsaved()).toBe(1);
      disk.free();
      await disk.readOnly();
      history.add(big('job-c'));
      expect(history.unsaved()).toBe(2);
      disk.writable();
      history.add(big('job-d'));
      expect(history.unsaved()).toBe(0);
      expect(saved(path)).toEqual(['job-a', 'job-b', 'job-c', 'job-d']);
      expect(texts(notices)[0]).toMatch(/^History could not be saved: the disk is full\./);
      expect(readdirSync(disk.dir).sort()).toEqual(['history.jsonl']);
    });
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

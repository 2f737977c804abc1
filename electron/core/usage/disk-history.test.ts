import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realWriter } from '../platform/storage';
import { DiskHistory, KEEP_MS, RECORD_EVERY_MS } from './disk-history';
import { portConflicts } from './port-conflicts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GB = 1e9;

function history(now: { t: number }, file = join(mkdtempSync(join(tmpdir(), 'disk-history-')), 'h.jsonl')) {
  return { file, disks: new DiskHistory(file, { now: () => now.t }) };
}

describe('disk sizes over time', () => {
  it('records a machine a few times a day, by id, and keeps the file in order', () => {
    const now = { t: 100 * DAY };
    const { file, disks } = history(now);
    expect(disks.note('id-web', 'web', 2 * GB)).toBe(true);
    now.t += HOUR;
    expect(disks.note('id-web', 'web', 2.1 * GB)).toBe(false);
    now.t += RECORD_EVERY_MS;
    expect(disks.note('id-web', 'web-renamed', 2.2 * GB)).toBe(true);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(new DiskHistory(file, { now: () => now.t }).trend('id-web').records.map((r) => r.bytes)).toEqual([
      2 * GB,
      2.2 * GB,
    ]);
  });

  it('says how much a machine grew over the last week', () => {
    const now = { t: 100 * DAY };
    const { disks } = history(now);
    for (const [day, gb] of [
      [0, 1],
      [3, 1.5],
      [9, 2],
      [10, 4.7],
    ] as const) {
      now.t = 100 * DAY + day * DAY;
      disks.note('id-web', 'web', gb * GB);
    }
    // From the last record a week ago or more (day 3) to today (day 10).
    expect(disks.trend('id-web')).toMatchObject({ change: 3.2 * GB, since: 103 * DAY });
    expect(disks.trend('id-none')).toEqual({ records: [], change: null, since: null });
  });

  it('counts from the first record while there is less than a week, and has no trend with one record', () => {
    const now = { t: 100 * DAY };
    const { disks } = history(now);
    disks.note('id-db', 'db', 5 * GB);
    expect(disks.trend('id-db').change).toBeNull();
    now.t += DAY;
    disks.note('id-db', 'db', 4 * GB);
    expect(disks.trend('id-db')).toMatchObject({ change: -1 * GB, since: 100 * DAY });
  });

  it('drops records older than 30 days and lines it cannot read', () => {
    const now = { t: 100 * DAY };
    const dir = mkdtempSync(join(tmpdir(), 'disk-history-'));
    const file = join(dir, 'h.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', name: 'a', at: now.t - KEEP_MS - DAY, bytes: 1 }),
        '{"id":"a","name":"a","at":',
        JSON.stringify({ id: 'a', name: 'a', at: now.t - DAY, bytes: -5 }),
        JSON.stringify({ id: 'a', name: 'a', at: now.t - DAY, bytes: 7 }),
        '',
      ].join('\n'),
    );
    const disks = new DiskHistory(file, { now: () => now.t });
    expect(disks.skipped).toBe(2);
    expect(disks.trend('a').records).toEqual([{ at: now.t - DAY, bytes: 7 }]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('keeps recording in memory when the file cannot be written, and says so once', () => {
    const now = { t: 100 * DAY };
    const problems: string[] = [];
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    const disks = new DiskHistory(join(tmpdir(), 'never', 'h.jsonl'), {
      now: () => now.t,
      writer: {
        ...realWriter,
        append: () => {
          throw full;
        },
      },
      onProblem: (p) => problems.push(p),
    });
    disks.note('a', 'a', 1);
    now.t += RECORD_EVERY_MS;
    disks.note('a', 'a', 2);
    expect(disks.trend('a').records).toHaveLength(2);
    expect(problems).toEqual(['the disk history could not be saved: the disk is full']);
  });
});

describe('port conflicts', () => {
  const port = (p: number, address: string) => ({
    port: p,
    protocol: address.includes(':') ? ('tcp6' as const) : ('tcp' as const),
    address,
    scope: address === '0.0.0.0' || address === '::' ? ('all' as const) : ('loopback' as const),
  });

  it('names the other machines listening on the same port on every address, either family', () => {
    const known = new Map([
      ['web', [port(80, '0.0.0.0'), port(8080, '::'), port(5432, '127.0.0.1')]],
      ['api', [port(8080, '0.0.0.0'), port(5432, '127.0.0.1')]],
      ['db', [port(8080, '::')]],
    ]);
    expect(portConflicts('web', known)).toEqual({
      conflicts: [{ port: 8080, machines: ['api', 'db'] }],
      comparedWith: 2,
    });
  });

  it('has nothing to say for a machine whose ports are not known', () => {
    expect(portConflicts('web', new Map([['api', [port(80, '0.0.0.0')]]]))).toEqual({
      conflicts: [],
      comparedWith: 1,
    });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Machine } from '../../../shared/machine';
import type { FileWriter } from '../platform/storage';
import { MachineRecords } from './machine-records';

type Note = { id: string; name: string; note: string };
const schema: z.ZodType<Note> = z.object({ id: z.string(), name: z.string(), note: z.string() });
const machine = (id: string, name: string) => ({ id, name }) as Machine;
const fileIn = () => join(mkdtempSync(join(tmpdir(), 'orbdeck-records-')), 'notes.json');

describe('MachineRecords', () => {
  it('keeps a record across a rename, drops it when the machine is gone, and keeps both on disk', () => {
    const file = fileIn();
    const changes: string[][] = [];
    const records = new MachineRecords({ file, schema, onChange: (r) => changes.push(r.map((x) => x.name)) });
    records.set({ id: 'A1', name: 'web', note: 'x' });
    records.set({ id: 'B2', name: 'db', note: 'y' });
    records.follow([machine('A1', 'site'), machine('B2', 'db')], true);
    expect(records.find('site')).toMatchObject({ id: 'A1', note: 'x' });
    expect(records.find('A1')?.name).toBe('site');
    // Before the first list nothing is taken for deleted.
    records.follow([], false);
    expect(records.list()).toHaveLength(2);
    records.follow([machine('A1', 'site')], true);
    expect(records.list().map((r) => r.name)).toEqual(['site']);
    expect(changes).toEqual([['web'], ['web', 'db'], ['site', 'db'], ['site']]);
    const again = new MachineRecords({ file, schema });
    expect(again.list()).toEqual([{ id: 'A1', name: 'site', note: 'x' }]);
  });

  it('moves a record to the id its rule names, and leaves a frozen one alone', () => {
    const records = new MachineRecords({ file: fileIn(), schema });
    records.set({ id: 'OLD', name: 'box', note: 'n' });
    // Mid-reset the old machine is renamed aside: frozen, the record keeps its name.
    records.follow([machine('OLD', 'box--cp-1')], true, { frozen: () => true });
    expect(records.find('box')?.id).toBe('OLD');
    records.follow([machine('OLD', 'box--cp-1'), machine('NEW', 'box')], true, { movedTo: () => 'NEW' });
    expect(records.list()).toEqual([{ id: 'NEW', name: 'box', note: 'n' }]);
    // A rule naming a machine that is not there moves nothing.
    records.follow([machine('NEW', 'box')], true, { movedTo: () => 'GONE' });
    expect(records.list()).toEqual([{ id: 'NEW', name: 'box', note: 'n' }]);
  });

  it('reads past damaged records, and keeps changes in memory when the disk is full', () => {
    const file = fileIn();
    writeFileSync(
      file,
      JSON.stringify({ version: 1, records: [{ id: 'A1', name: 'ok', note: 'x' }, { id: 3 }, 'junk'] }),
    );
    const problems: string[] = [];
    const full: FileWriter = {
      append() {},
      remove() {},
      replace() {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    };
    const records = new MachineRecords({ file, schema, writer: full, onProblem: (p) => problems.push(p) });
    expect(records.list().map((r) => r.name)).toEqual(['ok']);
    records.patch('A1', { note: 'changed' });
    expect(records.get('A1')?.note).toBe('changed');
    expect(problems).toEqual(['the disk is full']);
    expect(JSON.parse(readFileSync(file, 'utf8')).records[0].note).toBe('x');
    writeFileSync(file, 'not json');
    expect(new MachineRecords({ file, schema }).list()).toEqual([]);
  });
});

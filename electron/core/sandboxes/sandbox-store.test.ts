import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Machine } from '../../../shared/machine';
import type { SandboxRecord } from '../../../shared/sandboxes';
import { SandboxStore } from './sandbox-store';

const machine = (id: string, name: string) => ({ id, name, isolated: true }) as Machine;
const store = () =>
  new SandboxStore({ file: join(mkdtempSync(join(tmpdir(), 'orbdeck-sbx-')), 'sandboxes.json') });
const box: SandboxRecord = {
  id: 'OLD',
  name: 'box',
  state: 'ready',
  createdAt: 1,
  golden: { name: 'box--cp-20261201-101500', savedAt: 2 },
  timeLimit: { endsAt: 10, since: 1, then: 'reset' },
};

describe('SandboxStore', () => {
  it('follows its machine through a reset, by the id its golden checkpoint now belongs to', async () => {
    const sandboxes = store();
    sandboxes.add(box);
    let owner = 'OLD';
    const golden = { ownerOf: () => owner };
    const cp = machine('CP', box.golden!.name);
    // The reset sets the machine aside under another name and clones the checkpoint to its name.
    await sandboxes.duringReset('OLD', async () => {
      sandboxes.follow([machine('OLD', 'box--cp-aside'), cp], true, golden);
      expect(sandboxes.find('box')?.id).toBe('OLD');
      owner = 'NEW';
    });
    sandboxes.follow([machine('OLD', 'box--cp-aside'), machine('NEW', 'box'), cp], true, golden);
    expect(sandboxes.list()).toEqual([{ ...box, id: 'NEW' }]);
    expect(sandboxes.find('NEW')?.name).toBe('box');
  });

  it('is no longer one once its machine is gone, and says so when its golden checkpoint is gone', () => {
    const sandboxes = store();
    sandboxes.add(box);
    sandboxes.add({ ...box, id: 'OTHER', name: 'other', golden: null, state: 'setting-up' });
    const golden = { ownerOf: () => null };
    sandboxes.follow([machine('OLD', 'box')], true, golden);
    expect(sandboxes.list()).toEqual([
      expect.objectContaining({
        name: 'box',
        state: 'no-golden',
        golden: null,
        problem: expect.stringMatching(/^Its golden checkpoint box--cp-20261201-101500 is gone\./),
      }),
    ]);
    // Nothing is taken for gone before the list has been read.
    const fresh = store();
    fresh.add(box);
    fresh.follow([], false, golden);
    expect(fresh.list()).toEqual([box]);
  });
});

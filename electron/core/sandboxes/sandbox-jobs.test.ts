import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SandboxRecord } from '../../../shared/sandboxes';
import type { JobContext } from '../jobs/job-manager';
import { goldenJob, type SandboxJobDeps } from './sandbox-jobs';
import { SandboxStore } from './sandbox-store';

const context: JobContext = { signal: new AbortController().signal, report: () => {}, note: () => {} };

describe('a sandbox’s golden checkpoint', () => {
  it('is called ready only after a machine list that began once the checkpoint existed', async () => {
    const order: string[] = [];
    const sandboxes = new SandboxStore({
      file: join(mkdtempSync(join(tmpdir(), 'orbdeck-golden-')), 'sandboxes.json'),
      onChange: (records) => order.push(`state ${records[0]?.state}`),
    });
    const record: SandboxRecord = {
      id: 'ID',
      name: 'box',
      state: 'setting-up',
      createdAt: 1,
      golden: null,
      timeLimit: null,
    };
    sandboxes.add(record);
    order.length = 0;
    const deps = {
      sandboxes,
      machines: {
        refresh: async () => {
          order.push('list');
          return { machines: [] };
        },
        actionBegins: () => () => {},
      },
      goldens: {
        save: async (machine: string) => ({
          name: `${machine}--cp-1`,
          spec: {
            kind: 'clone',
            machine,
            title: 'Save',
            run: async () => {
              order.push('clone');
            },
          },
        }),
        reset: async () => {
          throw new Error('not here');
        },
        remove: () => {
          throw new Error('not here');
        },
        ownerOf: () => null,
      },
    } as unknown as SandboxJobDeps;
    const spec = await goldenJob(record, deps);
    expect(spec.title).toBe('Save the golden checkpoint of sandbox box');
    await spec.run(context);
    expect(order).toEqual(['state saving-golden', 'clone', 'list', 'state ready']);
    expect(sandboxes.find('box')?.golden).toEqual({ name: 'box--cp-1', savedAt: expect.any(Number) });
  });
});

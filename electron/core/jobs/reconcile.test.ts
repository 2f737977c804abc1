import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Machine } from '../../../shared/machine';
import { testMachine } from '../../../test/helpers/fixtures';
import { encodeExportHeader } from '../../../tools/orbctl-sim/export/encode-header';
import { sampleExportConfig } from '../../../test/helpers/export-files';
import { ExportTargets } from '../transfers/export-target';
import type { JobContext, JobResult, JobSpec } from './job-manager';
import {
  createJob,
  deleteJob,
  powerJob,
  renameJob,
  setDefaultJob,
  type JobOrbctl,
  type MachineJobDeps,
} from '../machines/machine-jobs';
import { stopOf, type Stop } from './reconcile';
import { cloneJob, exportJob, importJob, pushJob, type TransferDeps } from '../transfers/transfer-jobs';

/**
 * Every job kind after every kind of stop, against a fake adapter and machine list (a fake at the interface,
 * as Rancher Desktop's backend mock): no processes, so the rare branches (a timeout after 30 minutes, orbctl
 * killed by a signal) run in milliseconds. In each case the fake daemon either did the work anyway or not.
 */
const STOP_ERROR: Record<Stop, () => AppError> = {
  cancel: () => new AppError(ErrorCode.CANCELLED, 'orbctl was cancelled.'),
  timeout: () => new AppError(ErrorCode.TIMEOUT, 'orbctl did not finish within 900 s and was stopped.'),
  crash: () => new AppError(ErrorCode.ORBCTL_FAILED, 'orbctl was killed by SIGKILL.', { signal: 'SIGKILL' }),
};

/** A daemon that changes the machine list (or not) and then makes the orbctl client stop in a given way. */
function world(stop: Stop, didTheWork: boolean) {
  let machines: Machine[] = [
    testMachine('ubuntu', 'stopped'),
    testMachine('web', 'running'),
    testMachine('old', 'stopped'),
  ];
  const effects: Record<string, (...args: never[]) => void> = {
    start: (name: string) => set(name, { state: 'running' }),
    stop: (name: string) => set(name, { state: 'stopped' }),
    restart: () => {},
    create: (req: { name: string }) => (machines = [...machines, testMachine(req.name, 'running')]),
    delete: (name: string) => (machines = machines.filter((m) => m.name !== name)),
    rename: (name: string, to: string) => set(name, { name: to }),
    setDefault: (name: string) => set(name, { isDefault: true }),
    clone: (_from: string, to: string) => (machines = [...machines, testMachine(to, 'stopped')]),
    import: (_path: string, options: { name: string }) =>
      (machines = [...machines, testMachine(options.name, 'stopped')]),
    export: () => {},
    push: () => {},
  };
  const set = (name: string, patch: Partial<Machine>) =>
    (machines = machines.map((m) => (m.name === name ? { ...m, ...patch } : m)));
  const orbctl = Object.fromEntries(
    Object.entries(effects).map(([method, effect]) => [
      method,
      async (...args: never[]) => {
        if (didTheWork) effect(...args);
        throw STOP_ERROR[stop]();
      },
    ]),
  ) as unknown as JobOrbctl;
  orbctl.info = async () => ({ diskSize: 1e9 }) as never;
  const deps: TransferDeps & MachineJobDeps = {
    orbctl,
    machines: { refresh: async () => ({ machines }), actionBegins: () => () => {} },
    pastJobs: () => [],
  };
  return deps;
}

const context = (): JobContext => ({
  signal: new AbortController().signal,
  report: () => {},
  note: () => {},
});

async function outcome(spec: JobSpec): Promise<JobResult | { failed: string }> {
  try {
    return (await spec.run(context())) ?? {};
  } catch (error) {
    return { failed: error instanceof AppError ? error.code : String(error) };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'orbdeck-reconcile-'));
const exportFile = join(dir, 'u.tar.zst');
writeFileSync(exportFile, encodeExportHeader(sampleExportConfig()));

/** Every job kind, with what "it happened anyway" reads like (null: a stop can never have finished it). */
const KINDS: Array<
  [string, (deps: TransferDeps) => Promise<JobSpec> | JobSpec, string | null, string | null]
> = [
  ['start', (d) => powerJob('start', 'ubuntu', d), 'ubuntu is running', null],
  ['stop', (d) => powerJob('stop', 'web', d), 'web is stopped', null],
  ['restart', (d) => powerJob('restart', 'web', d), null, null],
  ['create', (d) => createJob({ distro: 'alpine', name: 'fresh' }, d), 'fresh was created', 'fresh'],
  ['delete', (d) => deleteJob('old', d), 'old was deleted', null],
  ['rename', (d) => renameJob('old', 'new', d), 'old is now new', null],
  ['set-default', (d) => setDefaultJob('ubuntu', d), 'ubuntu is the default machine', null],
  ['clone', (d) => cloneJob('ubuntu', 'copy', d), 'copy was created', 'copy'],
  ['import', (d) => importJob(exportFile, 'restored', d), 'restored was imported', 'restored'],
  [
    'export',
    async (d) =>
      exportJob(
        'ubuntu',
        await new ExportTargets(dir).claim(join(dir, `x-${Math.random()}.tar.zst`), false),
        d,
      ),
    null,
    null,
  ],
  ['push', (d) => pushJob('ubuntu', [exportFile], d), null, null],
];

describe('one honest outcome after any stop, for every job kind', () => {
  for (const [kind, make, words, leftover] of KINDS) {
    for (const stop of ['cancel', 'timeout', 'crash'] as const) {
      it(`${kind} after a ${stop}, done anyway or not`, async () => {
        const done = await outcome(await make(world(stop, true)));
        const notDone = await outcome(await make(world(stop, false)));
        if (words === null) {
          // Nothing to see in the machine list: a cancel is a cancel, anything else stays the failure it was.
          for (const result of [done, notDone]) {
            if (stop === 'cancel') expect(result).toMatchObject({ state: 'cancelled' });
            else expect(result).toEqual({ failed: STOP_ERROR[stop]().code });
          }
          return;
        }
        const expected = {
          cancel: `The cancel came too late: ${words} anyway.`,
          timeout: `orbctl gave no answer in time, but ${words}.`,
          crash: `orbctl stopped unexpectedly, but ${words}.`,
        }[stop];
        expect(done).toEqual({
          state: 'succeeded',
          outcome: expected,
          ...(stop === 'cancel' && leftover ? { leftover: { machine: leftover } } : {}),
        });
        if (stop === 'cancel') expect(notDone).toMatchObject({ state: 'cancelled' });
        else expect(notDone).toEqual({ failed: STOP_ERROR[stop]().code });
      });
    }
  }

  it('an ordinary failure is never reconciled: orbctl said no', async () => {
    expect(stopOf(new AppError(ErrorCode.NOT_FOUND, 'x'))).toBeNull();
    expect(stopOf(new AppError(ErrorCode.ORBCTL_FAILED, 'x', { exitCode: 1 }))).toBeNull();
    expect(stopOf(new Error('x'))).toBeNull();
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, Job } from '../../../shared/jobs';
import { startHostProcess, type HostProcess } from '../../../test/helpers/host-process';
import { disposeCoresAfterEach, SIM, sim, startCore, until } from '../../../test/helpers/core';
import type { JournalRecord } from './journal';
import { systemProbe } from './processes';

// OrbDeck killed (SIGKILL, no shutdown code) while an export and an import run, then started again on the
// same data folder: nothing it started may keep running, nothing half-written may stay, and both jobs must
// be in the history with what really happened.
disposeCoresAfterEach();

let host: HostProcess | undefined;
const strays: number[] = [];
afterEach(async () => {
  if (host && host.child.exitCode === null && host.child.signalCode === null) await host.kill();
  host = undefined;
  for (const pid of strays.splice(0)) systemProbe.signalGroup(pid, 'SIGKILL');
});

/** The journal of running jobs as the dead host left it. */
function journal(dataDir: string): JournalRecord[] {
  const dir = join(dataDir, 'running-jobs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as JournalRecord);
}

const running = (dataDir: string, command: string) =>
  journal(dataDir).find((r) => r.processes.some((p) => p.argv.includes(command)));
const alive = (pid: number) => systemProbe.commandLine(pid) !== null;

async function hostWith(fault: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'orbdeck-crash-'));
  const outDir = mkdtempSync(join(tmpdir(), 'orbdeck-crash-out-'));
  const simHome = join(dataDir, 'sim');
  const env = {
    ORBDECK_DATA_DIR: dataDir,
    ORBCTL_SIM_HOME: simHome,
    ORBCTL_SIM_SEED: 'demo',
    ORBCTL_SIM_SPEED: '20',
    ORBCTL_SIM_EXPORT_SCALE: '0.002',
  };
  // A file to import, written by the simulator itself.
  const source = join(outDir, 'alpine.tar.zst');
  const made = spawnSync(SIM, ['export', 'alpine', source], {
    env: { ...process.env, ...env, ORBCTL_SIM_SPEED: '100' },
    encoding: 'utf8',
  });
  expect(made.stderr).toBe('');
  host = await startHostProcess({ ...env, ORBCTL_SIM_FAULT: fault });
  return { dataDir, outDir, simHome, source };
}

describe.runIf(process.platform === 'linux')('after OrbDeck dies in the middle of jobs', () => {
  it('stops the orphan export, removes its partial file, and reports an import that finished anyway', async () => {
    const { dataDir, outDir, simHome, source } = await hostWith('slow:export:60000,slow:import:1500');
    await host!.invoke<Job>('machine:export', { name: 'ubuntu', path: join(outDir, 'ubuntu.tar.zst') });
    await host!.invoke<Job>('machine:import', { path: source, name: 'alpine-copy' });
    await until(() => !!running(dataDir, 'export') && !!running(dataDir, 'import'), 15_000);
    const exportPid = running(dataDir, 'export')!.processes.find((p) => p.argv.includes('export'))!.pid;
    const importPid = running(dataDir, 'import')!.processes.find((p) => p.argv.includes('import'))!.pid;
    strays.push(exportPid, importPid);
    await until(() => readdirSync(outDir).some((n) => n.endsWith('.partial')));

    await host!.kill();
    // orbctl runs in its own process group: both outlive the app, and the import goes on to the end.
    expect(alive(exportPid)).toBe(true);
    await until(() => !alive(importPid), 15_000);
    expect((await sim(simHome, 'list', '-q')).stdout.split('\n')).toContain('alpine-copy');

    const { core } = startCore({}, dataDir);
    await core.ready;
    expect(alive(exportPid)).toBe(false);
    expect(readdirSync(outDir)).toEqual(['alpine.tar.zst']);
    expect(readdirSync(join(dataDir, 'running-jobs'))).toEqual([]);
    const history = core.history.list();
    expect(history.map((e: HistoryEntry) => [e.kind, e.state, e.outcome])).toEqual([
      [
        'export',
        'failed',
        'Interrupted when OrbDeck quit; its orbctl was still running and was stopped; the export was not finished; the partial file was removed.',
      ],
      [
        'import',
        'succeeded',
        'Interrupted when OrbDeck quit; the machine “alpine-copy” was imported anyway.',
      ],
    ]);
    expect(core.notices.list().map((n) => n.text)).toEqual([
      'Export ubuntu to ubuntu.tar.zst: interrupted when OrbDeck quit; its orbctl was still running and was stopped; the export was not finished; the partial file was removed.',
      'Import alpine-copy from alpine.tar.zst: interrupted when OrbDeck quit; the machine “alpine-copy” was imported anyway.',
    ]);
    // Every window sees them: the history channel and the job list.
    const { ok } = await core.router.invoke('jobs:history', {}, { transport: 'headless' });
    expect(ok).toBe(true);
    expect(
      core.jobs
        .list()
        .map((j) => j.kind)
        .sort(),
    ).toEqual(['export', 'import']);
  }, 60_000);

  it('stops an orphan import before it creates the machine, and says no machine was created', async () => {
    const { dataDir, simHome, source } = await hostWith('slow:import:60000');
    await host!.invoke<Job>('machine:import', { path: source, name: 'alpine-copy' });
    await until(() => !!running(dataDir, 'import'), 15_000);
    const importPid = running(dataDir, 'import')!.processes.find((p) => p.argv.includes('import'))!.pid;
    strays.push(importPid);
    await host!.kill();
    expect(alive(importPid)).toBe(true);

    const { core } = startCore({}, dataDir);
    await core.ready;
    expect(alive(importPid)).toBe(false);
    expect((await sim(simHome, 'list', '-q')).stdout.split('\n')).not.toContain('alpine-copy');
    expect(core.history.list().map((e) => [e.kind, e.state, e.outcome])).toEqual([
      [
        'import',
        'failed',
        'Interrupted when OrbDeck quit; its orbctl was still running and was stopped; no machine was created.',
      ],
    ]);
  }, 60_000);
});

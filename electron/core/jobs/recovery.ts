/**
 * At start-up, what the last OrbDeck left running when it died: each journaled job's orbctl is stopped if it
 * is still running (and really is that orbctl), its scratch files are removed, the machines are read again,
 * and the job goes into the history with what really happened, told to the user once.
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Job } from '../../../shared/jobs';
import type { Machine } from '../../../shared/machine';
import type { Notices } from '../platform/notices';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';
import type { JobJournal, JournalRecord } from './journal';
import { stopRecordedProcess, systemProbe, type ProcessProbe } from './processes';

export interface RecoveryDeps {
  journal: JobJournal;
  /** Ids already in the history: a job that ended but whose record could not be removed. */
  historyIds: () => ReadonlySet<string>;
  /** Reads the machines as they are now. */
  listMachines: () => Promise<readonly Machine[]>;
  /** Adds the interrupted job to the history (and to every window). */
  record: (job: Job) => void;
  notices?: Notices;
  log?: (level: 'INFO' | 'WARN', message: string) => void;
  probe?: ProcessProbe;
  /**
   * Whether a recorded binary is an orbctl this OrbDeck would run. A record is only a file in the data
   * folder: this keeps one that was tampered with from naming any other program to be stopped.
   */
  isOrbctl?: (binary: string) => boolean;
  writer?: FileWriter;
  /**
   * For kinds whose state lies outside the machine list (a revert's steps), brings things to a known
   * state after the clean-up and says what happened; null leaves the verdict to the machine list.
   */
  explain?: (record: JournalRecord) => Promise<{ succeeded: boolean; what: string } | null>;
  /** How long a stopped orbctl gets to undo its work before SIGKILL. */
  graceMs?: number;
  now?: () => number;
}

const PREFIX = 'Interrupted when OrbDeck quit';

/** What the clean-up found and did for one job. */
interface Cleanup {
  stopped: number;
  /** Recorded pids that now belong to something else: left alone. */
  reused: number;
  removed: string[];
  notRemoved: string[];
  /** An export whose file is in place, written after the job started: the crash came after the rename. */
  exported: boolean;
}

/** Resolves with the jobs it recorded. Never throws. */
export async function recoverInterruptedJobs(
  deps: RecoveryDeps,
  found = deps.journal.leftovers(),
): Promise<Job[]> {
  const log = deps.log ?? (() => undefined);
  for (const name of found.damaged) {
    deps.journal.discard(name);
    log('WARN', `Running-jobs journal: removed the unreadable record ${name}`);
  }
  const known = deps.historyIds();
  const pending = found.records.filter((r) => {
    if (!known.has(r.id)) return true;
    deps.journal.forget(r.id);
    return false;
  });
  if (pending.length === 0) return [];

  const cleanups = await Promise.all(pending.map((r) => cleanUp(r, deps)));
  const explained = await Promise.all(
    pending.map((r) =>
      (deps.explain?.(r) ?? Promise.resolve(null)).catch((error: unknown) => ({
        succeeded: false,
        what: `it could not be put in order (${error instanceof Error ? error.message : String(error)})`,
      })),
    ),
  );
  let machines: readonly Machine[] | null = null;
  let listProblem = '';
  try {
    machines = await deps.listMachines();
  } catch (error) {
    listProblem = error instanceof Error ? error.message : String(error);
  }

  const recorded: Job[] = [];
  pending.forEach((record, i) => {
    const cleanup = cleanups[i]!;
    const verdict = cleanup.exported
      ? { succeeded: true, what: `the export was complete: ${basename(record.path ?? '')} is in place` }
      : explained[i]
        ? explained[i]
        : machines
          ? judge(record, machines)
          : { succeeded: false, what: `what happened could not be checked (${listProblem})` };
    const outcome = [PREFIX, ...facts(cleanup), verdict.what, ...files(cleanup)].join('; ') + '.';
    const job: Job = {
      id: record.id,
      kind: record.kind,
      machine: record.machine,
      title: record.title,
      state: verdict.succeeded ? 'succeeded' : 'failed',
      createdAt: record.createdAt,
      startedAt: record.startedAt,
      endedAt: (deps.now ?? Date.now)(),
      cancellable: false,
      outcome,
      ...(record.path === undefined ? {} : { path: record.path }),
    };
    try {
      deps.record(job);
    } catch (error) {
      log('WARN', `Could not record the interrupted job ${record.title}: ${String(error)}`);
    }
    deps.journal.forget(record.id);
    log('WARN', `${record.title}: ${outcome}`);
    deps.notices?.add('warning', `${record.title}: ${lowerFirst(outcome)}`);
    recorded.push(job);
  });
  return recorded;
}

async function cleanUp(record: JournalRecord, deps: RecoveryDeps): Promise<Cleanup> {
  const probe = deps.probe ?? systemProbe;
  const writer = deps.writer ?? realWriter;
  const cleanup: Cleanup = { stopped: 0, reused: 0, removed: [], notRemoved: [], exported: false };
  const halfWritten = record.scratchFiles.filter((f) => existsSync(f));
  for (const identity of record.processes) {
    const isOrbctl = deps.isOrbctl ?? ((bin: string) => basename(bin).startsWith('orbctl'));
    if (!isOrbctl(identity.argv[0] ?? '')) {
      deps.log?.('WARN', `The record of ${record.title} names ${identity.argv[0]}, not orbctl: left alone`);
      continue;
    }
    const result = await stopRecordedProcess(identity, deps.graceMs ?? 3000, probe);
    if (result === 'stopped') cleanup.stopped++;
    if (result === 'not-orbctl') {
      cleanup.reused++;
      deps.log?.('INFO', `Process ${identity.pid} of ${record.title} is now another program: left alone`);
    }
  }
  // After orbctl is stopped, so that nothing is still writing the file being removed. A stopped orbctl may
  // have removed its own: either way the file that was there is gone.
  for (const file of halfWritten) {
    try {
      writer.remove(file);
      cleanup.removed.push(file);
    } catch (error) {
      cleanup.notRemoved.push(`${basename(file)} (${storageProblem(error)})`);
    }
  }
  if (record.kind === 'export' && record.path && cleanup.removed.length === 0 && cleanup.stopped === 0) {
    const written = statOrNull(record.path)?.mtimeMs ?? 0;
    cleanup.exported = written >= record.startedAt;
  }
  return cleanup;
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function facts(cleanup: Cleanup): string[] {
  return cleanup.stopped > 0 ? ['its orbctl was still running and was stopped'] : [];
}

function files(cleanup: Cleanup): string[] {
  const out: string[] = [];
  if (cleanup.removed.length === 1) out.push('the partial file was removed');
  else if (cleanup.removed.length > 1) out.push(`${cleanup.removed.length} partial files were removed`);
  if (cleanup.notRemoved.length > 0) out.push(`could not remove ${cleanup.notRemoved.join(', ')}`);
  return out;
}

/** Whether the machines show the job's change, for the kinds where they can. */
function judge(record: JournalRecord, machines: readonly Machine[]): { succeeded: boolean; what: string } {
  const name = record.machine;
  const other = record.touches[1] ?? name;
  const find = (n: string) => machines.find((m) => m.name === n);
  const q = (n: string) => `“${n}”`;
  switch (record.kind) {
    case 'import':
      return find(name)
        ? { succeeded: true, what: `the machine ${q(name)} was imported anyway` }
        : { succeeded: false, what: 'no machine was created' };
    case 'create':
      return find(name)
        ? { succeeded: true, what: `the machine ${q(name)} was created anyway` }
        : { succeeded: false, what: 'no machine was created' };
    case 'clone':
      return find(other)
        ? { succeeded: true, what: `the copy ${q(other)} was made anyway` }
        : { succeeded: false, what: 'no copy was made' };
    case 'delete':
      return find(name)
        ? { succeeded: false, what: `${q(name)} was not deleted` }
        : { succeeded: true, what: `${q(name)} was deleted anyway` };
    case 'rename':
      return find(other)
        ? { succeeded: true, what: `${q(name)} is now ${q(other)}` }
        : { succeeded: false, what: `${q(name)} was not renamed` };
    case 'start':
    case 'stop': {
      const want = record.kind === 'start' ? 'running' : 'stopped';
      const state = find(name)?.state;
      return state === want
        ? { succeeded: true, what: `${q(name)} is ${want}` }
        : { succeeded: false, what: `${q(name)} is ${state ?? 'not there'}` };
    }
    case 'export':
      return { succeeded: false, what: 'the export was not finished' };
    default:
      return { succeeded: false, what: 'whether it took effect is not known' };
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * After a create with cloud-init, the machine is "Setting up" until cloud-init has finished in it
 * (orbstack#38), then plainly running; a failed cloud-init stays marked, with its errors, until the person
 * dismisses it. OrbDeck asks `cloud-init status` (orbctl/cloud-init.ts) every few seconds, only while such a
 * machine runs, and only for those machines. The records are kept in `setup.json` in the data folder, so a
 * restart of OrbDeck goes on following them. Records follow the machine's id, so a rename keeps them.
 */
import { z } from 'zod';
import type { SetupRecord } from '../../../shared/ipc/types';
import type { Machine } from '../../../shared/machine';
import type { EventHub } from '../platform/events';
import { tick } from '../jobs/ticker';
import { readCloudInitLog, readCloudInitStatus } from '../orbctl/cloud-init';
import type { Orbctl } from '../orbctl/orbctl';
import { readDataFile } from '../platform/data-file';
import { realWriter, storageProblem, type FileWriter } from '../platform/storage';
import type { Machines } from './machines';

/** cloud-init that has not ended after this long is called failed, and no longer asked about. */
export const SETUP_GIVE_UP_MS = 60 * 60 * 1000;
const POLL_MS = 3000;

const fileSchema = z.object({
  version: z.literal(1),
  records: z.array(
    z.object({
      id: z.string().max(64),
      name: z.string().max(255),
      state: z.enum(['setting-up', 'failed']),
      since: z.number(),
      errors: z.array(z.string().max(2000)).max(50).optional(),
    }),
  ),
});

export interface SetupWatchOptions {
  orbctl: Pick<Orbctl, 'runCommand'>;
  machines: Pick<Machines, 'snapshot' | 'refresh' | 'onChanged'>;
  events: EventHub;
  file: string;
  writer?: FileWriter;
  everyMs?: number;
  now?: () => number;
  onProblem?: (problem: string) => void;
}

export class SetupWatch {
  private readonly records = new Map<string, SetupRecord>();
  private stopTicker: (() => Promise<void>) | null = null;
  private readonly offMachines: () => void;
  private readonly now: () => number;
  /** Set when setup.json could not be read as it was (what was set aside, and where it is kept). */
  loadProblem: string | null = null;

  constructor(private readonly options: SetupWatchOptions) {
    this.now = options.now ?? Date.now;
    this.load();
    this.offMachines = options.machines.onChanged((snapshot) => this.follow(snapshot.machines));
    this.follow(options.machines.snapshot().machines);
  }

  list(): SetupRecord[] {
    return [...this.records.values()];
  }

  /** A create with cloud-init has just ended well: `name` is set up from now on. */
  async started(name: string): Promise<void> {
    const machine =
      find(this.options.machines.snapshot().machines, name) ??
      find((await this.options.machines.refresh()).machines, name);
    if (!machine) return;
    this.records.set(machine.id, { id: machine.id, name, state: 'setting-up', since: this.now() });
    this.changed();
    this.follow(this.options.machines.snapshot().machines);
  }

  /** Forgets a failed setup (the person has seen it). */
  dismiss(name: string): boolean {
    const record = [...this.records.values()].find((r) => r.name === name);
    if (!record) return false;
    this.records.delete(record.id);
    this.changed();
    return true;
  }

  /** The end of the machine's cloud-init log. */
  log(name: string): Promise<{ text: string; truncated: boolean }> {
    return readCloudInitLog(this.options.orbctl as Orbctl, name);
  }

  async dispose(): Promise<void> {
    this.offMachines();
    await this.stopTicker?.();
    this.stopTicker = null;
  }

  /** Renames and deletions; starts or stops asking, as machines set up start or stop running. */
  private follow(machines: readonly Machine[]): void {
    const byId = new Map(machines.map((m) => [m.id, m]));
    let changed = false;
    for (const record of [...this.records.values()]) {
      const machine = byId.get(record.id);
      if (!machine) {
        // Gone (deleted), unless the list is not read yet.
        if (machines.length > 0 || this.options.machines.snapshot().updatedAt !== null) {
          this.records.delete(record.id);
          changed = true;
        }
      } else if (machine.name !== record.name) {
        this.records.set(record.id, { ...record, name: machine.name });
        changed = true;
      }
    }
    if (changed) this.changed();
    const asking = [...this.records.values()].some(
      (r) => r.state === 'setting-up' && byId.get(r.id)?.state === 'running',
    );
    if (asking && !this.stopTicker)
      this.stopTicker = tick(() => this.poll(), this.options.everyMs ?? POLL_MS);
    else if (!asking && this.stopTicker) {
      void this.stopTicker();
      this.stopTicker = null;
    }
  }

  private async poll(): Promise<void> {
    const running = new Map(
      this.options.machines
        .snapshot()
        .machines.filter((m) => m.state === 'running')
        .map((m) => [m.id, m]),
    );
    let changed = false;
    for (const record of [...this.records.values()]) {
      if (record.state !== 'setting-up') continue;
      if (this.now() - record.since > SETUP_GIVE_UP_MS) {
        this.records.set(record.id, {
          ...record,
          state: 'failed',
          errors: ['cloud-init had not finished after an hour; OrbDeck stopped waiting for it.'],
        });
        changed = true;
        continue;
      }
      const machine = running.get(record.id);
      if (!machine) continue;
      const status = await readCloudInitStatus(this.options.orbctl as Orbctl, machine.name, {
        quiet: true,
      }).catch(() => null);
      if (!status || status.state === 'running') continue;
      if (status.state === 'error')
        this.records.set(record.id, { ...record, state: 'failed', errors: status.errors });
      else this.records.delete(record.id); // done, or nothing to wait for (disabled, no cloud-init)
      changed = true;
    }
    if (changed) {
      this.changed();
      this.follow(this.options.machines.snapshot().machines);
    }
  }

  private changed(): void {
    try {
      const text = JSON.stringify({ version: 1, records: this.list() }, null, 1) + '\n';
      (this.options.writer ?? realWriter).replace(this.options.file, text);
    } catch (error) {
      this.options.onProblem?.(storageProblem(error));
    }
    this.options.events.emit('setup:changed', this.list());
  }

  private load(): void {
    // A damaged file is kept beside it and said once (data-file.ts).
    const read = readDataFile(this.options.file, 'the machines being set up', (raw) => {
      const parsed = fileSchema.safeParse(raw);
      return parsed.success ? { value: parsed.data.records, leftOut: [] } : null;
    });
    for (const { errors, ...record } of read.value ?? [])
      this.records.set(record.id, errors ? { ...record, errors } : record);
    this.loadProblem = read.problem;
  }
}

const find = (machines: readonly Machine[], name: string) => machines.find((m) => m.name === name);

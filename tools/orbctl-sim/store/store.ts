import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simError } from '../failure';
import { withLock } from './lock';
import { emptyState, isSimState, resolveTransitions, type SimState } from './state';

/**
 * The state folder (ORBCTL_SIM_HOME): `state.json` (written atomically: temp file + rename), the lock folder,
 * and `machines/<id>/rootfs/` holding each machine's files (for push/pull/export/import).
 */
export class StateStore {
  constructor(
    readonly home: string,
    private readonly options: {
      sleep: (ms: number) => Promise<void>;
      now: () => number;
      /** Fills an empty state folder (ORBCTL_SIM_SEED); runs under the lock. */
      seed?: (state: SimState, now: number) => void;
      /** Throws once the process using the store has ended: from then on it reads and writes nothing. */
      assertRunning?: () => void;
      /** Adds to an existing state what the seed asks for and it lacks (`demo:N`); under the lock, once. */
      topUp?: { needed(state: SimState): boolean; apply(state: SimState, now: number): void };
    },
  ) {}

  get statePath(): string {
    return join(this.home, 'state.json');
  }

  machineDir(id: string): string {
    return join(this.home, 'machines', id);
  }

  /** The machine's Linux filesystem root. */
  rootfs(id: string): string {
    return join(this.machineDir(id), 'rootfs');
  }

  /** The file as stored, or null when the folder holds no state yet. */
  private load(): SimState | null {
    let text: string;
    try {
      text = readFileSync(this.statePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw simError(`state file ${this.statePath} is corrupt (${(err as Error).message})`);
    }
    if (!isSimState(parsed)) throw simError(`state file ${this.statePath} is not a simulator state`);
    return parsed;
  }

  private save(state: SimState): void {
    const tmp = `${this.statePath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 1)}\n`);
    renameSync(tmp, this.statePath);
  }

  /**
   * The state as of now, without the lock (the file is replaced atomically, so it is always whole). Due
   * transitions are resolved in memory only; the next writer persists them.
   */
  async read(): Promise<SimState> {
    this.options.assertRunning?.();
    const stored = this.load();
    if (stored === null) {
      if (this.options.seed) return this.update((s) => s);
      return emptyState();
    }
    if (this.options.topUp?.needed(stored)) return this.update((s) => s);
    resolveTransitions(stored, this.options.now());
    return stored;
  }

  /**
   * Read-modify-write under the lock. `change` must be synchronous; its result is returned. A throw from
   * `change` aborts without saving, so a refused operation leaves no trace.
   */
  async update<T>(change: (state: SimState, now: number) => T): Promise<T> {
    return withLock(
      this.home,
      () => {
        this.options.assertRunning?.();
        const now = this.options.now();
        let state = this.load();
        if (state === null) {
          state = emptyState();
          this.options.seed?.(state, now);
        } else if (this.options.topUp?.needed(state)) this.options.topUp.apply(state, now);
        const removed = resolveTransitions(state, now);
        const result = change(state, now);
        this.save(state);
        for (const id of removed) rmSync(this.machineDir(id), { recursive: true, force: true });
        return result;
      },
      { sleep: this.options.sleep, now: this.options.now },
    );
  }

  /** Removes everything in the state folder (for `__sim reset`). */
  async reset(): Promise<void> {
    await withLock(
      this.home,
      () => {
        this.options.assertRunning?.();
        for (const entry of readdirSync(this.home)) {
          if (entry !== 'state.lock') rmSync(join(this.home, entry), { recursive: true, force: true });
        }
      },
      { sleep: this.options.sleep, now: this.options.now },
    );
  }

  ensureRootfs(id: string): string {
    const dir = this.rootfs(id);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quickEnv } from './env';
import { startInProcessHost, type RunningHost } from './in-process-host';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SIM_BIN = join(root, 'dist/sim/orbctl-sim.mjs');
const HOST_BIN = join(root, 'dist/headless/serve.mjs');

export interface HostOptions {
  /** Extra environment, e.g. ORBCTL_SIM_FAULT for a test that needs a fault. */
  env?: Record<string, string>;
  /** Seed the simulator with the demo machines (default true). */
  seed?: boolean;
  /** Start with --demo (default). Without it the host looks for a real orbctl, which is not here. */
  demo?: boolean;
  /**
   * Run the built host (dist/headless/serve.mjs) as a process of its own (the default for `new Host()`). The
   * `host` fixture runs it in the test's worker instead (in-process-host.ts) unless a test asks for this, or for
   * no --demo: what only a process shows (its start-up, its end, its environment) stays tested on one.
   */
  process?: boolean;
  /** A settings.json already in the data folder when the host starts (as an earlier run left it). */
  settings?: Record<string, unknown>;
}

/**
 * A headless host (`serve.mjs --demo`) with its own simulator state and data folder: the built host as a
 * process, or the same core and server in this process (HostOptions.process).
 */
export class Host {
  readonly home = mkdtempSync(join(tmpdir(), 'orbdeck-e2e-'));
  readonly simHome = join(this.home, 'sim');
  readonly dataDir = join(this.home, 'data');
  url = '';
  /** What the host printed on stderr (attached to a failed test's report). */
  stderr = '';
  private child: ChildProcess | null = null;
  private inProcess: RunningHost | null = null;
  readonly env: Record<string, string>;

  constructor(private readonly options: HostOptions = {}) {
    this.env = {
      ORBCTL_SIM_HOME: this.simHome,
      ORBCTL_SIM_SPEED: '20',
      ORBCTL_SIM_EXPORT_SCALE: '0.01',
      ...(options.seed === false ? {} : { ORBCTL_SIM_SEED: 'demo' }),
      ORBDECK_DATA_DIR: this.dataDir,
      // A host of its own spawns the simulator for every poll (a Node process, ~0.2 s of CPU here): every 400 ms
      // it took half a core. Actions poll at once as they begin and end, so only changes made behind the app's
      // back wait for this.
      ORBDECK_POLL_MS: '1200',
      ...options.env,
    };
  }

  async start(): Promise<string> {
    const demo = this.options.demo !== false;
    if (this.options.settings) {
      mkdirSync(this.dataDir, { recursive: true });
      writeFileSync(join(this.dataDir, 'settings.json'), JSON.stringify(this.options.settings));
    }
    if (demo && this.options.process === false) {
      this.inProcess = await startInProcessHost({
        dataDir: this.dataDir,
        env: { ...quickEnv(), ...this.env },
        log: (line) => (this.stderr += `OrbDeck host: ${line}\n`),
      });
      this.url = this.inProcess.url;
      return this.url;
    }
    // Without --demo, a clean environment: no orbctl on PATH or in a home folder, as on a Mac without OrbStack.
    const base = demo ? quickEnv() : { PATH: '/usr/bin:/bin', HOME: this.home };
    const child = spawn(
      process.execPath,
      [HOST_BIN, ...(demo ? ['--demo'] : []), '--port', '0', '--no-open'],
      {
        env: { ...base, ...this.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stderr?.on('data', (d) => (this.stderr += d));
    this.url = await new Promise<string>((resolvePromise, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`host did not print its URL:\n${out}\n${this.stderr}`)),
        15_000,
      );
      child.stdout?.on('data', (d) => {
        out += d;
        const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolvePromise(match[0]);
        }
      });
      child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}\n${this.stderr}`)));
    });
    return this.url;
  }

  /** Runs the simulator's own CLI against the same state, as someone at a terminal would. */
  sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(SIM_BIN, args, { env: { ...quickEnv(), ...this.env }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  async stop(): Promise<void> {
    await this.inProcess?.stop();
    this.inProcess = null;
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.home, { recursive: true, force: true });
  }
}

// A headless host in demo mode with its own simulator state and data folder, for the screenshot and UI
// benchmark scripts (the e2e suite has its own, in e2e/support/host.ts).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_ENV, HOST_NODE_ARGS } from './host-flags.mjs';
import { root } from './setup.mjs';

export const SIM = join(root, 'dist/sim/orbctl-sim.mjs');

/** Starts `serve.mjs --demo`; `prepare(env)` may set up the simulator's state first. Resolves with the URL. */
export async function startDemoHost(extraEnv = {}, prepare = () => {}) {
  const home = mkdtempSync(join(tmpdir(), 'orbdeck-demo-host-'));
  const env = {
    ...HOST_ENV,
    ...process.env,
    ORBCTL_SIM_HOME: join(home, 'sim'),
    ORBDECK_DATA_DIR: join(home, 'data'),
    ...extraEnv,
  };
  prepare(env);
  // A process group of its own: the simulator processes the host starts belong to it, so stopping waits for
  // them too (one still writing into the folder made its removal fail with ENOTEMPTY).
  const child = spawn(
    process.execPath,
    [...HOST_NODE_ARGS, join(root, 'dist/headless/serve.mjs'), '--demo', '--no-open'],
    { env, detached: true },
  );
  const url = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the host exited with ${code}`)));
    child.stdout.on('data', (d) => {
      const m = /http:\S+/.exec(String(d));
      if (m) resolve(m[0]);
    });
  });
  return {
    url,
    /** Stops the host and every process it started, waits for them to end, then removes their folder. */
    async stop() {
      await stopGroup(child.pid);
      rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Whether any process of the group led by `pid` is still there. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends SIGTERM to the process group led by `pid` and waits until none of it is left; what is still there
 * after `graceMs` gets SIGKILL. Rejects when even that leaves a process behind.
 */
export async function stopGroup(pid, graceMs = 5000) {
  const pause = (ms) => new Promise((r) => setTimeout(r, ms));
  const waitGone = async (ms) => {
    for (const end = Date.now() + ms; groupAlive(pid) && Date.now() < end;) await pause(25);
    return !groupAlive(pid);
  };
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  if (await waitGone(graceMs)) return;
  process.kill(-pid, 'SIGKILL');
  if (!(await waitGone(2000))) throw new Error(`processes of group ${pid} did not end after SIGKILL`);
}

/**
 * Adds `count` machines (vm-000, vm-001, …; every third running) to the simulator state named by `env`. The
 * first four go through `__sim add`; the rest are copies of those written into the state file at once (a
 * thousand simulator processes would take minutes on a small machine).
 */
export function addMachines(env, count) {
  const distros = ['ubuntu', 'debian', 'fedora', 'alpine'];
  const stateOf = (i) => (i % 3 ? 'stopped' : 'running');
  const name = (i) => `vm-${String(i).padStart(3, '0')}`;
  for (let i = 0; i < Math.min(count, 4); i++)
    spawnSync(SIM, ['__sim', 'add', name(i), distros[i], `state=${stateOf(i)}`], { env });
  if (count <= 4) return;
  const file = join(env.ORBCTL_SIM_HOME, 'state.json');
  const state = JSON.parse(readFileSync(file, 'utf8'));
  const templates = distros.map((d, i) => state.machines.find((m) => m.name === name(i)));
  const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  for (let i = 4; i < count; i++) {
    const t = templates[i % 4];
    let n = i;
    let suffix = '';
    for (let k = 0; k < 6; k++, n = Math.floor(n / 32)) suffix = crockford[n % 32] + suffix;
    state.machines.push({
      ...structuredClone(t),
      id: t.id.slice(0, 20) + suffix,
      name: name(i),
      state: stateOf(i),
      ip4: `198.19.${10 + Math.floor(i / 250)}.${2 + (i % 250)}`,
      ip6: `fd07:b51a:cc66:1::${i.toString(16)}`,
    });
  }
  writeFileSync(file, JSON.stringify(state));
}

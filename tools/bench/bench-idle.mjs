// The idle part of `npm run bench`: a headless host left alone, with a page visible, hidden, and none open; then
// the Electron main process (in the rehearsal) with its window visible, minimized and closed to the menu bar.
// orbctl is a small wrapper around the simulator that writes down every call, so the figures are the calls
// orbctl really received per minute, and the CPU seconds per minute the host (and the orbctl it started)
// used, against the CPU that the same number of bare `orbctl list` calls costs.
/* global document */
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, record } from './lib/bench-results.mjs';
import { HOST_ENV, HOST_NODE_ARGS } from '../../scripts/lib/host-flags.mjs';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import { findChromium, root } from '../../scripts/lib/setup.mjs';
import { startRehearsal } from './lib/rehearsal.mjs';

const SIM = join(root, 'dist/sim/orbctl-sim.mjs');
const SECONDS = Number(process.env.BENCH_IDLE_SECONDS) || 60;
const TICK = 100; // clock ticks per second in /proc (Linux's USER_HZ)

const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-idle-'));
const calls = join(dir, 'calls.log');
writeFileSync(calls, '');
const wrapper = join(dir, 'orbctl');
writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> '${calls}'\nexec '${SIM}' "$@"\n`);
chmodSync(wrapper, 0o755);
const env = {
  ...HOST_ENV,
  ...process.env,
  ORBDECK_ORBCTL: wrapper,
  ORBCTL_SIM_HOME: join(dir, 'sim'),
  ORBCTL_SIM_SEED: 'demo',
  ORBDECK_DATA_DIR: join(dir, 'data'),
  HOME: dir,
};

/** utime+stime of a process and of its reaped children, in seconds (/proc/PID/stat fields 14–17). */
function cpu(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return { self: (utime + stime) / TICK, children: (cutime + cstime) / TICK };
}

function callCounts() {
  const counts = {};
  for (const word of readFileSync(calls, 'utf8').split('\n').filter(Boolean))
    counts[word] = (counts[word] ?? 0) + 1;
  return counts;
}

/** CPU seconds of one bare `orbctl list` (the simulator), as a child of this process. */
function bareListCpu() {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const before = cpu(process.pid).children;
    spawnSync(SIM, ['list', '-f', 'json'], { env });
    samples.push(cpu(process.pid).children - before);
  }
  return median(samples);
}

async function phase(name, pid, seconds) {
  const before = { counts: callCounts(), cpu: cpu(pid) };
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const after = { counts: callCounts(), cpu: cpu(pid) };
  const perMinute = (n) => (n * 60) / seconds;
  const delta = {};
  for (const [k, v] of Object.entries(after.counts))
    if (v - (before.counts[k] ?? 0) > 0) delta[k] = v - (before.counts[k] ?? 0);
  const lists = perMinute(delta.list ?? 0);
  const others = Object.entries(delta).filter(([k]) => k !== 'list');
  const cpuSeconds =
    perMinute(after.cpu.self - before.cpu.self) + perMinute(after.cpu.children - before.cpu.children);
  return {
    name,
    lists,
    others: perMinute(others.reduce((s, [, v]) => s + v, 0)),
    otherWords: others,
    cpuSeconds,
  };
}

function report(p, listTarget, listCpu) {
  const words = p.otherWords.map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
  record({
    id: `idle-${p.name}-list`,
    figure: `Idle, ${p.label}: orbctl list calls per minute`,
    value: p.lists,
    unit: '/min',
    ...(listTarget ? { target: { label: `≤ ${listTarget} a minute`, limit: listTarget } } : {}),
  });
  record({
    id: `idle-${p.name}-other`,
    figure: `Idle, ${p.label}: other orbctl calls per minute`,
    value: p.others,
    unit: '/min',
    ...(listTarget ? { target: { label: '0', limit: 0 } } : {}),
    note: `calls: ${words}`,
  });
  record({
    id: `idle-${p.name}-cpu`,
    figure: `Idle, ${p.label}: CPU seconds per minute (host and the orbctl it ran)`,
    value: p.cpuSeconds,
    unit: 's/min',
    baseline: { label: 'the same number of bare orbctl list calls', value: p.lists * listCpu },
  });
}

/**
 * The same three states in the Electron app's main process, run as the rehearsal runs it (plain Node with the
 * Electron stand-in, the window a page of headless Chromium; no Electron binary exists here): the window
 * visible, minimized, and closed to the menu bar. The CPU is the main process's and the orbctl it ran, not
 * Chromium's: Electron's own renderer and GPU processes are not in it.
 */
async function electronIdle(listCpu) {
  writeFileSync(calls, '');
  const app = await startRehearsal([], {
    ...env,
    ORBCTL_SIM_HOME: join(dir, 'sim-electron'),
    ORBDECK_DATA_DIR: join(dir, 'data-electron'),
    CHROMIUM_PATH: findChromium(),
  });
  try {
    const label = (state) => `Electron main process (rehearsal), ${state}`;
    await new Promise((r) => setTimeout(r, 5000));
    const visible = await phase('electron-visible', app.pid, Math.max(20, SECONDS / 2));
    report({ ...visible, label: label('window visible') }, null, listCpu);
    await app.call('window.minimize');
    await new Promise((r) => setTimeout(r, 4000));
    const hidden = await phase('electron-hidden', app.pid, SECONDS);
    report({ ...hidden, label: label('window minimized') }, 6, listCpu);
    await app.call('window.close');
    const { windows } = await app.call('state');
    if (windows.length > 0) throw new Error('closing the window quit nothing and left it open');
    await new Promise((r) => setTimeout(r, 4000));
    const closed = await phase('electron-closed', app.pid, SECONDS);
    report({ ...closed, label: label('window closed to the menu bar') }, 6, listCpu);
  } finally {
    await app.stop();
  }
}

const host = spawn(
  process.execPath,
  [...HOST_NODE_ARGS, join(root, 'dist/headless/serve.mjs'), '--no-open'],
  { env },
);
let browser;
try {
  const url = await new Promise((resolve, reject) => {
    host.on('exit', (code) => reject(new Error(`the host exited with ${code}`)));
    host.stdout.on('data', (d) => {
      const m = /http:\S+/.exec(String(d));
      if (m) resolve(m[0]);
    });
  });
  const listCpu = bareListCpu();
  console.log(
    `\nIdle on a headless host (${SECONDS} s per phase; a bare orbctl list costs ${listCpu.toFixed(3)} CPU s)\n`,
  );
  // Past start-up (the first poll) before counting.
  await new Promise((r) => setTimeout(r, 5000));
  const none = await phase('none', host.pid, SECONDS);
  report({ ...none, label: 'no page open' }, 6, listCpu);

  browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS],
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.locator('[data-machine]').first().waitFor();
  await new Promise((r) => setTimeout(r, 5000));
  const visible = await phase('visible', host.pid, Math.max(20, SECONDS / 2));
  report({ ...visible, label: 'a page visible' }, null, listCpu);
  // The page reads machines from inside: ubuntu's Usage tab (every 2 s) and the CPU and Memory columns (the rows
  // on screen, every 10 s). Hiding the page must stop all of it (the hidden phase's "other calls").
  await page.getByRole('row', { name: 'ubuntu', exact: true }).click();
  await page.getByRole('tab', { name: 'Usage' }).click();
  await page
    .getByRole('grid', { name: 'Machines' })
    .getByRole('columnheader', { name: 'Name' })
    .click({ button: 'right' });
  await page.getByRole('menuitem', { name: /CPU and Memory/ }).click();
  await page.getByText(/% of \d+ CPUs/).waitFor({ timeout: 30_000 });
  const reading = await phase('reading', host.pid, Math.max(20, SECONDS / 2));
  report(
    { ...reading, label: 'a page visible with a Usage tab and the CPU and Memory columns' },
    null,
    listCpu,
  );

  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // The poll already scheduled at the visible rate runs first.
  await new Promise((r) => setTimeout(r, 4000));
  const hidden = await phase('hidden', host.pid, SECONDS);
  report({ ...hidden, label: 'the page hidden' }, 6, listCpu);
  await browser.close();
  browser = undefined;
  host.kill();
  await electronIdle(listCpu);
} finally {
  await browser?.close();
  host.kill();
  rmSync(dir, { recursive: true, force: true });
}

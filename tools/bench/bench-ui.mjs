// The UI part of `npm run bench`, in Chromium against a headless host in demo mode. Baselines are measured in
// the same run: a bare static page served by the same server code (dist/bench/static-host.mjs), bare
// simulator commands, and the same list with 10 machines. Prints figures; asserts nothing.
// The list is found as the coordinator's grid and today's table both expose it: `[aria-label="Machines"]`
// with `aria-rowcount` (machines shown + 1), rows as `[data-machine]`.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, quantile, record, runSection } from './lib/bench-results.mjs';
import { addMachines, SIM, startDemoHost, stopGroup } from '../../scripts/lib/demo-host.mjs';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.mjs';
import { findChromium, root } from '../../scripts/lib/setup.mjs';
import { benchInit } from './lib/bench-page.mjs';

const ROUNDS = Number(process.env.ORBDECK_BENCH_ROUNDS) || 5;
const BIG = 1000;
const SMALL = 10;
const name = (i) => `vm-${String(i).padStart(3, '0')}`;
const ms = (t0) => performance.now() - t0;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const p95 = (values) => quantile(values, 0.95);
/** The round trips' target: the click to the updated row within 1.2 × the bare orbctl command it runs. */
const ROUND_TRIP = 1.2;
/** Longer than the poll a host runs 300 ms after a window appears, and the `orbctl info` of 10 rows. */
const QUIET_MS = 1000;

/** What a section started and has not stopped yet: stopped when the section ends, however it ends. */
const running = new Set();
function started(stop) {
  const entry = async () => {
    running.delete(entry);
    await stop();
  };
  running.add(entry);
  return entry;
}
async function section(name, run) {
  await runSection(name, async () => {
    try {
      await run();
    } finally {
      for (const stop of [...running]) await stop();
    }
  });
}

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...CHROMIUM_ARGS],
});

/** A demo host with `count` extra machines, its simulator environment, and how many machines it lists. */
async function host(count, extraEnv = {}) {
  let simEnv;
  const h = await startDemoHost({ ORBDECK_POLL_MS: '60000', ...extraEnv }, (env) => {
    addMachines(env, count);
    simEnv = env;
  });
  const listed = JSON.parse(spawnSync(SIM, ['list', '-f', 'json'], { env: simEnv, encoding: 'utf8' }).stdout);
  return { ...h, stop: started(h.stop), simEnv, names: listed.map((m) => m.name) };
}

/** The bare static page: the same number of rows as plain HTML, served as the renderer is. */
async function staticHost(rows) {
  const dir = mkdtempSync(join(tmpdir(), 'orbdeck-bench-static-'));
  const body = Array.from(
    { length: rows },
    (_, i) => `<tr data-machine="${name(i)}"><td>${name(i)}</td><td>Stopped</td></tr>`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>bare</title><div style="height:100vh;overflow:auto">` +
      `<table aria-label="Machines" aria-rowcount="${rows + 1}"><tr><th>Name</th><th>State</th></tr>${body.join('')}</table></div>`,
  );
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/bench/static-host.mjs'), dir], { detached: true });
  const url = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the static host exited with ${code}`)));
    child.stdout.on('data', (d) => {
      const m = /http:\S+/.exec(String(d));
      if (m) resolve(m[0].replace(/#.*/, ''));
    });
  });
  return {
    url,
    startedMs: ms(t0),
    stop: started(async () => {
      await stopGroup(child.pid);
      rmSync(dir, { recursive: true, force: true });
    }),
  };
}

/** A fresh context (no cache) whose pages record WebSocket messages, long tasks and when the list is painted. */
async function openPage(url, rows) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(benchInit, { rows });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.painted !== null, null, { timeout: 120_000 });
  const painted = await page.evaluate(() => window.__bench.painted);
  return { page, painted, close: () => context.close() };
}

function bareMs(env, ...args) {
  const t0 = performance.now();
  const r = spawnSync(SIM, args, { env });
  if (r.status !== 0) throw new Error(`orbctl-sim ${args.join(' ')}: ${r.stderr}`);
  return ms(t0);
}

async function pageLoad() {
  const result = {};
  const staticLoads = [];
  for (const count of [SMALL, BIG]) {
    const h = await host(count);
    // The bare page is loaded between the app's loads, so both see the same machine.
    const bare = count === SMALL ? await staticHost(h.names.length) : null;
    await pause(3000); // past the host's first poll
    // One load not counted: the first window to show the rows has the host ask `orbctl info` about them.
    await (await openPage(h.url, h.names.length)).close();
    await pause(QUIET_MS);
    const loads = [];
    const renders = [];
    const lists = [];
    for (let i = 0; i < ROUNDS; i++) {
      const p = await openPage(h.url, h.names.length);
      loads.push(p.painted);
      renders.push(await p.page.evaluate(() => window.__bench.painted - window.__bench.firstList));
      await p.close();
      // A window that appears has the host poll soon after: let that pass before the next page loads.
      await pause(QUIET_MS);
      if (bare) {
        const b = await openPage(bare.url, h.names.length);
        staticLoads.push(b.painted);
        await b.close();
      }
      lists.push(bareMs(h.simEnv, 'list', '-f', 'json'));
    }
    await bare?.stop();
    await h.stop();
    result[count] = {
      load: median(loads),
      loadP95: p95(loads),
      render: median(renders),
      renderP95: p95(renders),
      list: median(lists),
      machines: h.names.length,
    };
  }
  const floor = median(staticLoads) + result[SMALL].list;
  record({
    id: 'page-10',
    figure: `Page load to the full list, ${result[SMALL].machines} machines`,
    value: result[SMALL].load,
    p95: result[SMALL].loadP95,
    unit: 'ms',
    baseline: { label: 'bare static page + one orbctl list', value: floor },
    target: { label: '≤ 1.75 × the baseline', limit: 1.75 * floor },
    note: `bare static page ${median(staticLoads).toFixed(0)} ms, orbctl list ${result[SMALL].list.toFixed(0)} ms; medians of ${ROUNDS}, host already running`,
  });
  record({
    id: 'page-1000',
    figure: `Page load to the full list, ${result[BIG].machines} machines`,
    value: result[BIG].load,
    p95: result[BIG].loadP95,
    unit: 'ms',
    baseline: { label: `the ${result[SMALL].machines}-machine page`, value: result[SMALL].load },
    target: { label: '≤ 1.5 × the 10-machine page', limit: 1.5 * result[SMALL].load },
  });
  record({
    id: 'list-first-render',
    figure: `List of ${result[BIG].machines}: first render after its data arrives`,
    value: result[BIG].render,
    p95: result[BIG].renderP95,
    unit: 'ms',
    baseline: { label: `the same with ${result[SMALL].machines}`, value: result[SMALL].render },
    target: { label: '≤ 1.5 × the same with 10', limit: 1.5 * result[SMALL].render },
  });
}

async function startup() {
  // A simulator state of its own, prepared before the clock starts (no other host runs meanwhile).
  const simHome = mkdtempSync(join(tmpdir(), 'orbdeck-bench-startup-'));
  const simEnv = { ...process.env, ORBCTL_SIM_HOME: simHome };
  addMachines(simEnv, SMALL);
  const machines = JSON.parse(
    spawnSync(SIM, ['list', '-f', 'json'], { env: simEnv, encoding: 'utf8' }).stdout,
  ).length;
  const launches = [];
  const bareRuns = [];
  const lists = [];
  for (let i = 0; i < Math.min(ROUNDS, 3); i++) {
    let t0 = performance.now();
    const demo = await startDemoHost({ ORBDECK_POLL_MS: '60000', ORBCTL_SIM_HOME: simHome });
    const fresh = { ...demo, stop: started(demo.stop) };
    let p = await openPage(fresh.url, machines);
    launches.push(ms(t0));
    await p.close();
    await fresh.stop();
    t0 = performance.now();
    const bare = await staticHost(machines);
    p = await openPage(bare.url, machines);
    bareRuns.push(ms(t0));
    await p.close();
    await bare.stop();
    lists.push(bareMs(simEnv, 'list', '-f', 'json'));
  }
  rmSync(simHome, { recursive: true, force: true });
  const floor = median(bareRuns) + median(lists);
  record({
    id: 'startup',
    figure: `Start-up: launching the headless host to the list painted, ${machines} machines`,
    value: median(launches),
    unit: 'ms',
    baseline: { label: 'launching a bare static host and page + one orbctl list', value: floor },
    note: `medians of ${launches.length}, interleaved`,
  });
}

/** Filter keystroke, row click, scroll: the big list against the small one (scroll: against a bare page). */
async function list() {
  const figures = {};
  for (const count of [SMALL, BIG]) {
    const h = await host(count);
    const p = await openPage(h.url, h.names.length);
    const matching = h.names.filter((n) => n.includes('vm-0')).length;
    const filter = [];
    for (let i = 0; i < ROUNDS * 2; i++) {
      const [text, rows] = i % 2 ? ['', h.names.length] : ['vm-0', matching];
      filter.push(
        await p.page.evaluate(({ text, rows }) => window.__benchFilter(text, rows), { text, rows }),
      );
    }
    const select = [];
    for (let i = 0; i < ROUNDS * 2; i++) {
      select.push(await p.page.evaluate((n) => window.__benchSelect(n), name(i % count)));
    }
    const scroll = await p.page.evaluate(() => window.__benchScroll());
    await p.close();
    await h.stop();
    figures[count] = {
      filter: median(filter),
      filterP95: p95(filter),
      select: median(select),
      selectP95: p95(select),
      scroll,
      machines: h.names.length,
    };
  }
  const bare = await staticHost(BIG);
  const p = await openPage(bare.url, BIG);
  const bareScroll = await p.page.evaluate(() => window.__benchScroll());
  await p.close();
  await bare.stop();
  const [s, b] = [figures[SMALL], figures[BIG]];
  record({
    id: 'list-filter',
    figure: `List of ${b.machines}: filter keystroke to painted list`,
    value: b.filter,
    p95: b.filterP95,
    unit: 'ms',
    baseline: { label: `the same with ${s.machines}`, value: s.filter },
  });
  record({
    id: 'list-select',
    figure: `List of ${b.machines}: click to the selected row painted`,
    value: b.select,
    p95: b.selectP95,
    unit: 'ms',
    baseline: { label: `the same with ${s.machines}`, value: s.select },
    target: { label: '≤ 50 ms', limit: 50 },
  });
  record({
    id: 'list-scroll',
    figure: `List of ${b.machines}: long frames (> 50 ms) while scrolling it end to end`,
    value: b.scroll.longFrames,
    unit: 'frames',
    baseline: { label: 'a bare page of 1,000 rows scrolled the same way', value: bareScroll.longFrames },
    target: { label: '≤ 5', limit: 5 },
    note: `${b.scroll.frames} frames, p95 ${b.scroll.p95.toFixed(1)} ms (bare page ${bareScroll.p95.toFixed(1)} ms), ${b.scroll.longTasks} long tasks`,
  });
}

/**
 * A click in the UI to the updated row, against the bare orbctl command it runs, interleaved: start/stop and
 * rename, on the 10- and the 1,000-machine lists; with the repaint after the core's event.
 */
async function roundTrip() {
  for (const count of [SMALL, BIG]) {
    const h = await host(count, { ORBCTL_SIM_SPEED: '20', ORBDECK_POLL_MS: '3000' });
    const p = await openPage(h.url, h.names.length);
    const page = p.page;
    const env = { ...h.simEnv, ORBCTL_SIM_SPEED: '20' };
    const power = [];
    const powerBare = [];
    const repaint = [];
    // vm-001 (stopped) through the UI, vm-002 (stopped) by orbctl alone.
    for (let i = 0; i < ROUNDS * 2; i++) {
      const action = i % 2 ? 'Stop' : 'Start';
      const after = i % 2 ? 'Stopped' : 'Running';
      const t = await page.evaluate(
        ({ machine, action, after }) => window.__benchAction(machine, action, after),
        { machine: name(1), action, after },
      );
      power.push(t.total);
      if (t.repaint !== null) repaint.push(t.repaint);
      powerBare.push(bareMs(env, action.toLowerCase(), name(2)));
    }
    const rename = [];
    const renameBare = [];
    let current = name(4);
    let bareCurrent = name(5);
    for (let i = 0; i < ROUNDS; i++) {
      const next = `rt-${count}-${i}`;
      rename.push(await renameThroughUi(page, current, next));
      current = next;
      const bareNext = `rb-${count}-${i}`;
      renameBare.push(bareMs(env, 'rename', bareCurrent, bareNext));
      bareCurrent = bareNext;
    }
    await p.close();
    await h.stop();
    const machines = h.names.length;
    record({
      id: `roundtrip-power-${count}`,
      figure: `Round trip, ${machines} machines: start/stop click to the updated row`,
      value: median(power),
      p95: p95(power),
      unit: 'ms',
      baseline: {
        label: `orbctl start/stop alone (p95 ${p95(powerBare).toFixed(0)} ms)`,
        value: median(powerBare),
      },
      target: { label: `≤ ${ROUND_TRIP} × the baseline`, limit: ROUND_TRIP * median(powerBare) },
      note: `${power.length} repetitions, simulator at 20× speed`,
    });
    record({
      id: `roundtrip-rename-${count}`,
      figure: `Round trip, ${machines} machines: rename to the renamed row`,
      value: median(rename),
      p95: p95(rename),
      unit: 'ms',
      baseline: {
        label: `orbctl rename alone (p95 ${p95(renameBare).toFixed(0)} ms)`,
        value: median(renameBare),
      },
      target: { label: `≤ ${ROUND_TRIP} × the baseline`, limit: ROUND_TRIP * median(renameBare) },
      note: `${rename.length} repetitions; from the click on the dialog's Rename button`,
    });
    if (repaint.length)
      record({
        id: `state-repaint-${count}`,
        figure: `List of ${machines}: one state change, the core's event to the row repainted`,
        value: median(repaint),
        unit: 'ms',
        target: { label: '≤ 100 ms', limit: 100 },
      });
  }
}

/**
 * Selects the row, opens Rename, types the new name, and times from the confirming click to the new row. The
 * click is made in the page, as the start/stop round trip makes its own: Playwright's click waits and checks
 * before it clicks, which is not the app's time.
 */
async function renameThroughUi(page, from, to) {
  // Rename is in the row's context menu (and the inspector's … menu), as in the Mac window.
  const row = page.locator(`[data-machine="${from}"]`).first();
  await row.click();
  await row.click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Rename/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').first().fill(to);
  const button = await dialog.getByRole('button', { name: 'Rename', exact: true }).elementHandle();
  return page.evaluate(
    async ({ button, to }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      button.click();
      while (!document.querySelector(`[data-machine="${to}"]`)) await frame();
      await frame();
      return performance.now() - t0;
    },
    { button, to },
  );
}

try {
  await section('pageload', pageLoad);
  await section('startup', startup);
  await section('list', list);
  await section('roundtrip', roundTrip);
} finally {
  await browser.close();
}

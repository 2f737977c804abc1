// What the UI benchmarks install in every page before it loads (Playwright's addInitScript): it must be one
// self-contained function. It records WebSocket messages, long tasks and the frame in which the list was first
// painted, and adds the in-page measurements the benchmark calls (filter, select, scroll, a power action).
/* global window, document, requestAnimationFrame, HTMLInputElement, getComputedStyle */
export function benchInit({ rows }) {
  const bench = { painted: null, firstList: null, changed: [], longTasks: [] };
  window.__bench = bench;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const list = () => document.querySelector('[aria-label="Machines"]');
  const shows = (n) => {
    const el = list();
    return !!el && Number(el.getAttribute('aria-rowcount')) === n + 1 && !!el.querySelector('[data-machine]');
  };

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const data = typeof event.data === 'string' ? event.data : '';
        const t = performance.now();
        if (bench.firstList === null && data.includes('"machines":[')) bench.firstList = t;
        if (data.includes('machines:changed') || data.includes('jobs:changed')) {
          bench.changed.push({ t, data });
          if (bench.changed.length > 10) bench.changed.shift();
        }
      });
    }
  };
  try {
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries())
        bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the frame timings still count.
  }
  const watch = () => {
    if (shows(rows)) requestAnimationFrame(() => (bench.painted = performance.now()));
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  window.__benchFilter = async (text, shown) => {
    const input = document.querySelector('input[type="search"]');
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const start = performance.now();
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    while (!shows(shown)) await frame();
    await frame();
    return performance.now() - start;
  };

  window.__benchSelect = async (name) => {
    const row = document.querySelector(`[data-machine="${name}"]`);
    const start = performance.now();
    row.click();
    await frame();
    await frame();
    return performance.now() - start;
  };

  window.__benchScroll = async () => {
    let scroller = list();
    while (
      scroller &&
      !(
        scroller.scrollHeight > scroller.clientHeight + 10 &&
        /auto|scroll/.test(getComputedStyle(scroller).overflowY)
      )
    )
      scroller = scroller.parentElement;
    scroller ??= document.scrollingElement;
    const from = performance.now();
    const deltas = [];
    let last = await frame();
    for (const step of [300, -300]) {
      for (;;) {
        const before = scroller.scrollTop;
        scroller.scrollTop += step;
        const now = await frame();
        deltas.push(now - last);
        last = now;
        if (scroller.scrollTop === before) break;
      }
    }
    const sorted = [...deltas].sort((a, b) => a - b);
    return {
      frames: deltas.length,
      longFrames: deltas.filter((d) => d > 50).length,
      p95: sorted[Math.floor((sorted.length - 1) * 0.95)] ?? 0,
      longTasks: bench.longTasks.filter((t) => t.start >= from).length,
    };
  };

  /** Clicks the machine's `action` button and waits for its row to say `after`; the repaint after the event. */
  window.__benchAction = async (machine, action, after) => {
    const row = () => document.querySelector(`[data-machine="${machine}"]`);
    row().click();
    await frame();
    const named = (scope) =>
      scope
        ? [...scope.querySelectorAll('button')].find(
            (b) => !b.disabled && (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === action,
          )
        : undefined;
    const button =
      named(document.querySelector(`[role="toolbar"][aria-label="Actions for ${machine}"]`)) ??
      named(row()) ??
      named(document.querySelector('[role="complementary"]'));
    if (!button) throw new Error(`no ${action} button for ${machine}`);
    const start = performance.now();
    button.click();
    const done = () => {
      const text = row()?.textContent ?? '';
      return text.includes(after) && !text.includes('…');
    };
    while (!done()) await frame();
    const painted = await frame();
    const total = performance.now() - start;
    // The event that carried the new state: the first after the click in which the machine says so, or in
    // which its job says it succeeded (the window shows a finished action's result at once).
    let repaint = null;
    for (const m of bench.changed) {
      if (m.t < start) continue;
      const text = JSON.stringify(JSON.parse(m.data));
      const found = text.match(new RegExp(`"name":"${machine}"[^}]*?"state":"(\\w+)"`));
      const state = found?.[1];
      const succeeded =
        text.includes('jobs:changed') &&
        new RegExp(`"machine":"${machine}"`).test(text) &&
        text.includes('"state":"succeeded"');
      if (succeeded || (state && state.toLowerCase() === after.toLowerCase())) {
        repaint = painted - m.t;
        break;
      }
    }
    return { total, repaint };
  };
}

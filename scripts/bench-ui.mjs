// The UI part of `npm run bench`: how the machine list copes with hundreds of machines, measured in Chromium
// against the same list with 10 machines in the same run. Prints ratios; asserts nothing.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, root } from './lib/setup.mjs';

const SIM = join(root, 'dist/sim/orbctl-sim.mjs');
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function host(count) {
  const home = mkdtempSync(join(tmpdir(), 'orbdeck-bench-ui-'));
  const env = {
    ...process.env,
    ORBCTL_SIM_HOME: join(home, 'sim'),
    ORBDECK_DATA_DIR: join(home, 'data'),
    ORBDECK_POLL_MS: '60000',
  };
  for (let i = 0; i < count; i++) {
    spawnSync(
      SIM,
      [
        '__sim',
        'add',
        `vm-${String(i).padStart(3, '0')}`,
        ['ubuntu', 'debian', 'fedora', 'alpine'][i % 4],
        i % 3 ? 'state=stopped' : 'state=running',
      ],
      { env },
    );
  }
  const child = spawn(process.execPath, [join(root, 'dist/headless/serve.mjs'), '--demo', '--no-open'], {
    env,
  });
  const url = await new Promise((resolve) =>
    child.stdout.on('data', (d) => {
      const m = /http:\S+/.exec(String(d));
      if (m) resolve(m[0]);
    }),
  );
  return { url, stop: () => (child.kill(), rmSync(home, { recursive: true, force: true })) };
}

async function measure(browser, count, rounds) {
  const h = await host(count);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const t0 = Date.now();
  await page.goto(h.url);
  await page.getByRole('row', { name: `vm-${String(count - 1).padStart(3, '0')}`, exact: true }).waitFor();
  const firstList = Date.now() - t0;
  const filterMs = [];
  for (let i = 0; i < rounds; i++) {
    filterMs.push(
      await page.evaluate(
        async (text) => {
          const input = document.querySelector('input[type="search"]');
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          const start = performance.now();
          setter.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - start;
        },
        i % 2 ? '' : 'vm-0',
      ),
    );
  }
  const selectMs = [];
  for (let i = 0; i < rounds; i++) {
    selectMs.push(
      await page.evaluate(
        async (name) => {
          const row = document.querySelector(`tr[data-machine="${name}"]`);
          const start = performance.now();
          row.click();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - start;
        },
        `vm-${String(i % count).padStart(3, '0')}`,
      ),
    );
  }
  await page.close();
  h.stop();
  return { firstList, filter: median(filterMs), select: median(selectMs) };
}

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const rounds = Number(process.env.ORBDECK_BENCH_ROUNDS) || 15;
const small = await measure(browser, 10, rounds);
const big = await measure(browser, 500, rounds);
await browser.close();
console.log(`\nOrbDeck UI benchmarks in Chromium (500 machines vs 10; medians of ${rounds})\n`);
for (const [label, key] of [
  ['Filter keystroke to painted list', 'filter'],
  ['Click to selected row and details', 'select'],
  ['Page load to full list shown', 'firstList'],
]) {
  console.log(
    `${label}: ${big[key].toFixed(1)} ms vs ${small[key].toFixed(1)} ms → ratio ${(big[key] / small[key]).toFixed(2)}`,
  );
}

// The UI part of `npm run bench`: how the machine list copes with hundreds of machines, measured in Chromium
// against the same list with 10 machines in the same run. Prints ratios; asserts nothing.
import { chromium } from '@playwright/test';
import { addMachines, startDemoHost } from './lib/demo-host.mjs';
import { findChromium } from './lib/setup.mjs';

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const host = (count) => startDemoHost({ ORBDECK_POLL_MS: '60000' }, (env) => addMachines(env, count));

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
        async ({ text, rows }) => {
          const input = document.querySelector('input[type="search"]');
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          const start = performance.now();
          setter.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // Until the list shows exactly the matching rows, painted.
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          while (document.querySelectorAll('table[aria-label="Machines"] tbody tr').length !== rows)
            await frame();
          await frame();
          return performance.now() - start;
        },
        // vm-000…vm-099 match "vm-0" among 500; all 10 match among 10.
        i % 2 ? { text: '', rows: count } : { text: 'vm-0', rows: Math.min(count, 100) },
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

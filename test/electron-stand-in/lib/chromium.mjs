// The Chromium that hosts the windows: Debian's /usr/bin/chromium (or CHROMIUM_PATH), started headless with a
// DevTools port so that a test can drive the same pages (chromium.connectOverCDP), and driven from here through
// Playwright over CDP. Every request of every window passes through one interception, which serves the app's
// privileged schemes from its protocol.handle handler and turns page-initiated navigations into will-navigate.
// With ELECTRON_STAND_IN_CDP the app uses a Chromium that is already running (a test runner's, shared by the
// apps it starts one after another) in a browser context of its own, closed when the app quits.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { launchChromium } from './chromium-process.mjs';
import { handlerFor, toAppUrl } from './protocol.mjs';
import { debug, standIn } from './state.mjs';

// Playwright comes with @playwright/test (a devDependency); its engine is playwright-core.
const require = createRequire(import.meta.url);
const playwrightCore = require.resolve('playwright-core', {
  paths: [dirname(require.resolve('@playwright/test/package.json'))],
});

/** @type {Map<import('playwright-core').Page, any>} page → its WebContents */
export const contentsByPage = new Map();

let child = null;
let profile = '';
/** The context of this app in a Chromium it shares (ELECTRON_STAND_IN_CDP); null with a Chromium of its own. */
let sharedContext = null;

/** Starts Chromium (or joins the shared one) and connects to it; resolves once windows can be created. */
export async function startChromium() {
  const { chromium } = require(playwrightCore);
  let endpoint = process.env.ELECTRON_STAND_IN_CDP;
  let context;
  if (endpoint) {
    const browser = await chromium.connectOverCDP(endpoint);
    // No viewport of its own: each window sets its page's size, as with a Chromium of its own.
    context = sharedContext = await browser.newContext({ viewport: null });
  } else {
    ({ child, profile, endpoint } = await launchChromium());
    const browser = await chromium.connectOverCDP(endpoint);
    context = browser.contexts()[0];
  }
  await context.route(
    () => true,
    (route, request) => intercept(route, request),
  );
  standIn.context = context;
  standIn.cdpEndpoint = endpoint;
}

/** Closes Chromium and removes its profile (at quit); in a shared Chromium, closes this app's context. */
export async function closeChromium() {
  if (sharedContext) {
    const context = sharedContext;
    sharedContext = null;
    await context.close();
    await context.browser()?.close();
    return;
  }
  const running = child;
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once('exit', resolve));
    try {
      const session = await standIn.context?.browser()?.newBrowserCDPSession();
      await session?.send('Browser.close');
    } catch {
      running.kill('SIGKILL');
    }
    const timer = setTimeout(() => running.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
  stopChromium();
}

/**
 * The last resort, from process.on('exit'): synchronous, so it can only kill and try to clean up. A shared
 * Chromium disposes of this app's context itself once the app's connection is gone.
 */
export function stopChromium() {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  profile = '';
}

async function intercept(route, request) {
  const url = request.url();
  let frame = null;
  try {
    frame = request.frame();
  } catch {
    // a service worker's request
  }
  const page = frame?.page();
  const contents = page ? contentsByPage.get(page) : undefined;
  if (contents && request.isNavigationRequest() && frame === page.mainFrame()) {
    if (!contents._allowNavigation(toAppUrl(url), url)) {
      debug(`navigation to ${url} prevented`);
      return route.abort('aborted');
    }
  }
  const handler = handlerFor(url);
  if (handler) return serve(route, request, handler);
  if (page && !contents) return route.abort('blockedbyclient'); // a page no window owns (a popup being closed)
  return route.fallback();
}

async function serve(route, request, handler) {
  const method = request.method();
  const body = method === 'GET' || method === 'HEAD' ? undefined : (request.postDataBuffer() ?? undefined);
  const appRequest = new Request(toAppUrl(request.url()), { method, headers: request.headers(), body });
  let response;
  try {
    response = await handler(appRequest);
  } catch (error) {
    process.stderr.write(`[electron-stand-in] protocol handler failed for ${appRequest.url}: ${error}\n`);
    return route.abort('failed');
  }
  if (!(response instanceof Response)) {
    process.stderr.write(
      `[electron-stand-in] protocol handler for ${appRequest.url} did not return a Response\n`,
    );
    return route.abort('failed');
  }
  const headers = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
}

// The Chromium page behind a WebContents: created in the shared context, told it is a Mac when the stand-in
// plays one, given the page host (the renderer half of the stand-in, with the real preload inside) before its
// first document, and listened to for the events Electron derives from the page.
import { readFileSync } from 'node:fs';
import { app } from './app.mjs';
import { contentsByPage } from './chromium.mjs';
import { pageHostScript } from './page-host.mjs';
import { toAppUrl } from './protocol.mjs';
import { debug, isMac, makeEvent, problem, record, standIn } from './state.mjs';
import { WebFrameMain } from './web-frame-main.mjs';

// https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h
const NET_ERRORS = {
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_INVALID_ARGUMENT: -4,
  ERR_FILE_NOT_FOUND: -6,
  ERR_TIMED_OUT: -7,
  ERR_ACCESS_DENIED: -10,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_CONNECTION_REFUSED: -102,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_INTERNET_DISCONNECTED: -106,
  ERR_INVALID_URL: -300,
  ERR_UNKNOWN_URL_SCHEME: -302,
};

/** The net error of a failed page.goto, as Electron reports it for loadURL and did-fail-load. */
export function netError(error) {
  const text = String(error);
  const code =
    /net::(ERR_[A-Z_]+)/.exec(text)?.[1] ?? (/interrupted/.test(text) ? 'ERR_ABORTED' : 'ERR_FAILED');
  return { code, errno: NET_ERRORS[code] ?? -2 };
}

/** @param {import('./web-contents.mjs').WebContents} contents */
export async function setUpPage(contents) {
  const context = standIn.context;
  const page = await context.newPage();
  contentsByPage.set(page, contents);
  contents._page = page;
  contents.mainFrame = new WebFrameMain(contents, page.mainFrame());
  const cdp = await context.newCDPSession(page);
  const { targetId } = (await cdp.send('Target.getTargetInfo')).targetInfo;
  if (isMac) {
    const chrome = context.browser()?.version() ?? '140.0.0.0';
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) ${app.name}/${app.getVersion()} Chrome/${chrome} Electron/${process.versions.electron} Safari/537.36`,
      platform: 'MacIntel',
    });
  }
  await page.exposeBinding(contents._binding, (source, message) =>
    contents._fromPage(source.frame, JSON.parse(message)),
  );
  const preload = contents._prefs.preload ? readPreload(contents, contents._prefs.preload) : null;
  const config = {
    binding: contents._binding,
    nonce: contents._nonce,
    windowId: contents._window?.id ?? 0,
    preloadPath: contents._prefs.preload ?? '',
    contextIsolation: contents._prefs.contextIsolation !== false,
    platform: process.platform,
    versions: {
      node: process.versions.node,
      electron: process.versions.electron,
      chrome: context.browser()?.version() ?? '',
    },
  };
  await page.addInitScript(pageHostScript(config, preload));
  await page.emulateMedia({ colorScheme: standIn.darkColors() ? 'dark' : 'light' });
  if (contents._window) await page.setViewportSize(contents._window._contentSize());
  // Only now may a test find the page (control: state), so it never sees one half set up.
  contents._targetId = targetId;
  page.on('domcontentloaded', () => contents.emit('dom-ready', makeEvent()));
  page.on('load', () => {
    contents._loading = false;
    void page.title().then(
      (title) => {
        if (title === contents._title) return;
        contents._title = title;
        contents.emit('page-title-updated', makeEvent(), title, true);
        contents._window?._pageTitle(title);
      },
      () => {},
    );
    contents.emit('did-finish-load', makeEvent());
  });
  page.on('framenavigated', (frame) => {
    const url = toAppUrl(frame.url());
    if (frame !== page.mainFrame())
      return void contents.emit('did-frame-navigate', makeEvent(), url, 200, 'OK', false, 0, 0);
    contents._committed = true;
    contents.emit('did-navigate', makeEvent(), url, 200, 'OK');
  });
  page.on('pageerror', (error) => {
    record('page-errors', { window: contents._window?.id, message: String(error.stack ?? error) });
    debug(`page error in window ${contents._window?.id}: ${error.stack ?? error}`);
  });
  page.on('console', (message) => {
    debug(`console.${message.type()} in window ${contents._window?.id}: ${message.text()}`);
    contents.emit(
      'console-message',
      makeEvent({
        level: message.type(),
        message: message.text(),
        lineNumber: message.location().lineNumber,
        sourceId: message.location().url,
      }),
    );
  });
  page.on('crash', () =>
    contents.emit('render-process-gone', makeEvent(), { reason: 'crashed', exitCode: 1 }),
  );
  page.on('popup', (popup) => {
    record('popups-closed', { url: popup.url() });
    void popup.close().catch(() => {});
  });
}

function readPreload(contents, path) {
  // A sandboxed renderer cannot load an ES module preload (https://www.electronjs.org/docs/latest/tutorial/esm).
  if (contents._prefs.sandbox !== false && /\.mjs$/.test(path)) {
    problem(`Unable to load preload script: ${path} (an ES module preload needs sandbox: false)`);
    return null;
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    problem(`Unable to load preload script: ${path} (${error.message})`);
    return null;
  }
}

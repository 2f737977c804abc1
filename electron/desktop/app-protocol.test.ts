import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appResponse, isAppUrl, resolveAppFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../core/platform/renderer-files';
import { tempDir } from '../../test/helpers/processes';

// A built renderer beside files it must never serve: a secret next to it and links pointing out.
let dir: { path: string; remove: () => void };
let root: string;
beforeAll(() => {
  dir = tempDir('orbdeck-app-protocol-');
  root = join(dir.path, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>OrbDeck</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.js.map'), '{}');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(root, '.hidden.js'), 'x');
  writeFileSync(join(dir.path, 'secret.js'), 'secret');
  mkdirSync(join(dir.path, 'renderer-evil'));
  writeFileSync(join(dir.path, 'renderer-evil', 'x.js'), 'evil');
  symlinkSync(join(dir.path, 'secret.js'), join(root, 'assets', 'link-out.js'));
  symlinkSync(dir.path, join(root, 'up'));
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'assets', 'link-in.js'));
});
afterAll(() => dir.remove());

describe('isAppUrl', () => {
  it.each([
    [APP_INDEX_URL, true],
    [`${APP_INDEX_URL}#/activity`, true],
    ['app://orbdeck/index.html?x=1', false],
    ['app://orbdeck/', false],
    ['app://orbdeck/assets/index-abc.js', false],
    ['app://evil/index.html', false],
    ['app://orbdeck.evil/index.html', false],
    ['file:///Applications/OrbDeck.app/Contents/Resources/app.asar/dist/renderer/index.html', false],
    ['https://orbdeck/index.html', false],
    ['http://127.0.0.1:4000/index.html', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('resolveAppFile', () => {
  it('maps the page and its assets to files inside the renderer', async () => {
    expect(await resolveAppFile(root, APP_INDEX_URL)).toMatchObject({
      ok: true,
      file: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(await resolveAppFile(root, 'app://orbdeck/assets/index-abc.js#x')).toMatchObject({
      ok: true,
      contentType: 'text/javascript; charset=utf-8',
    });
    // A link that stays inside the renderer is fine.
    expect(await resolveAppFile(root, 'app://orbdeck/assets/link-in.js')).toMatchObject({ ok: true });
  });

  it.each([
    ['app://orbdeck/', 404, 'dot or empty segment'],
    ['app://orbdeck//etc/passwd', 404, 'dot or empty segment'],
    ['app://orbdeck/assets/', 404, 'dot or empty segment'],
    ['app://orbdeck/%2e%2e/secret.js', 404, 'no such file'],
    ['app://orbdeck/assets/..%2f..%2fsecret.js', 404, 'dot or empty segment'],
    ['app://orbdeck/assets/%2E%2E%2F%2E%2E%2Fsecret.js', 404, 'dot or empty segment'],
    ['app://orbdeck/..%5c..%5csecret.js', 404, 'backslash in path'],
    ['app://orbdeck/assets\\..\\..\\secret.js', 404, 'backslash in path'],
    ['app://orbdeck/index.html%00.js', 400, 'NUL in path'],
    ['app://orbdeck/%E0%A4%A', 400, 'bad percent-encoding'],
    ['app://orbdeck/assets/index-abc.js.map', 404, 'not a renderer file type'],
    ['app://orbdeck/.hidden.js', 404, 'hidden file'],
    ['app://orbdeck/assets/link-out.js', 404, 'link out of the renderer'],
    ['app://orbdeck/up/secret.js', 404, 'link out of the renderer'],
    ['app://orbdeck/missing.js', 404, 'no such file'],
    ['app://orbdeck/assets.js', 404, 'no such file'],
    ['app://evil/index.html', 404, 'not this app'],
    ['app://orbdeck:99/index.html', 404, 'not this app'],
    ['app://me:pw@orbdeck/index.html', 404, 'credentials'],
    ['file:///etc/passwd', 404, 'not this app'],
    ['not a url', 400, 'not a URL'],
  ])('%s is refused (%i, %s)', async (url, status, reason) => {
    expect(await resolveAppFile(root, url)).toEqual({ ok: false, status, reason });
  });

  it('never serves a sibling folder whose name starts like the renderer’s', async () => {
    // join(root, '../renderer-evil/x.js') would pass a naive startsWith(root) check.
    expect(await resolveAppFile(root, 'app://orbdeck/..%2frenderer-evil/x.js')).toMatchObject({ ok: false });
    expect(await resolveAppFile(root, 'app://orbdeck/../renderer-evil/x.js')).toMatchObject({ ok: false });
  });
});

describe('appResponse', () => {
  it('answers with the file and the headless host’s security headers, CSP included', async () => {
    const r = await appResponse(root, 'GET', APP_INDEX_URL);
    expect(r.status).toBe(200);
    expect(r.body?.toString()).toContain('<title>OrbDeck</title>');
    expect(r.headers).toEqual({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
    expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(r.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('HEAD has no body; other methods are 405; refusals are plain text with the same headers', async () => {
    expect((await appResponse(root, 'HEAD', APP_INDEX_URL)).body).toBeNull();
    const post = await appResponse(root, 'POST', APP_INDEX_URL);
    expect(post.status).toBe(405);
    const missing = await appResponse(root, 'GET', 'app://orbdeck/assets/link-out.js');
    expect(missing.status).toBe(404);
    expect(missing.body?.toString()).toBe('Not found\n');
    expect(missing.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await appResponse(root, 'GET', 'app://orbdeck/%E0%A4%A')).status).toBe(400);
  });
});

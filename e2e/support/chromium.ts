import { accessSync, constants } from 'node:fs';

/** Debian's Chromium, or CHROMIUM_PATH. Playwright's own browser download cannot work on our machines. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    // Root needs --no-sandbox; the rest keep Chromium off a network it cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  };
}

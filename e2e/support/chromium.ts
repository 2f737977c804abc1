import { CHROMIUM_ARGS, installedChromium } from '../../scripts/lib/chromium.mjs';

/** Debian's Chromium, or CHROMIUM_PATH. Playwright's own browser download cannot work on our machines. */
export function chromiumPath(): string {
  const path = installedChromium() as string | null;
  if (!path)
    throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return path;
}

/**
 * The browser tests' Chromium. Its compositor works in software (no GPU here); run in the browser process
 * instead of a GPU process of its own, it took 5 % less of the browser tests' CPU (measured with /proc/stat).
 */
export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--in-process-gpu'] };
}

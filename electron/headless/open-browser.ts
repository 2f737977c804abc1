import { spawn } from 'node:child_process';

/** Best effort: opens `url` in the user's browser. Quietly does nothing where there is no desktop. */
export function openBrowser(url: string, platform = process.platform, env = process.env): boolean {
  const command =
    platform === 'darwin'
      ? 'open'
      : platform === 'win32'
        ? 'explorer'
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? 'xdg-open'
          : null;
  if (!command) return false;
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

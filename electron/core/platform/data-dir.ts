import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where OrbDeck keeps settings, job history and logs: ORBDECK_DATA_DIR when set, else the platform's usual
 * place (the Electron build passes app.getPath('userData'), which is the same folder on macOS).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = homedir(),
): string {
  if (env.ORBDECK_DATA_DIR) return env.ORBDECK_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'OrbDeck');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'OrbDeck');
}

/**
 * What may leave the app through `shell.openExternal`: only addresses OrbDeck builds itself. The ssh:// and
 * vscode:// addresses of a machine that exists (rebuilt from their parts and compared exactly, so nothing can
 * be smuggled in), and a short list of https pages the app links to. Everything else is refused.
 */
import { MACHINE_NAME_PATTERN } from '../../shared/names';
import { buildAppMenu, type AppMenuItem } from '../../shared/app-menu';
import { terminalUrl, vscodeUrl, webUrl } from '../core/machines/ssh-urls';

/** OrbStack's home page: where the "orbctl was not found" screen sends people to install OrbStack. */
export const ORBSTACK_INSTALL_URL = 'https://orbstack.dev/';

function menuUrls(items: AppMenuItem[]): string[] {
  return items.flatMap((item) => [...(item.url ? [item.url] : []), ...menuUrls(item.submenu ?? [])]);
}

function normalized(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** The https pages of the app itself: the Help menu's links (on every platform) and the install page. */
export const APP_LINKS: ReadonlySet<string> = new Set(
  [
    ...menuUrls(buildAppMenu('OrbDeck', true)),
    ...menuUrls(buildAppMenu('OrbDeck', false)),
    ORBSTACK_INSTALL_URL,
  ]
    .map(normalized)
    .filter((url): url is string => url !== null && url.startsWith('https://')),
);

/** One of the app's own https pages (written any way the browser would write it). */
export function isAppLink(url: string): boolean {
  const href = normalized(url);
  return href !== null && APP_LINKS.has(href);
}

/** The machine an ssh://, vscode:// or http://NAME.orb.local/ address is for, when it is exactly the address OrbDeck builds. */
export function machineOfUrl(url: string): string | null {
  const ssh = /^ssh:\/\/([^/@]+)@orb$/.exec(url);
  const vscode = /^vscode:\/\/vscode-remote\/ssh-remote\+([^/]+)(\/root|\/home\/[^/]+)$/.exec(url);
  // The only http: addresses that may leave the app are machines' own NAME.orb.local, or one of its ports.
  const web = /^http:\/\/([a-z0-9][a-z0-9.-]*)\.orb\.local(?::(\d{1,5}))?\/$/.exec(url);
  let machine: string;
  let rebuilt: string;
  try {
    if (ssh) {
      machine = decodeURIComponent(ssh[1]!);
      rebuilt = terminalUrl(machine);
    } else if (vscode) {
      const host = decodeURIComponent(vscode[1]!);
      if (!host.endsWith('@orb')) return null;
      machine = host.slice(0, -'@orb'.length);
      const home = vscode[2]!;
      const user = home === '/root' ? 'root' : home.slice('/home/'.length);
      if (!/^[a-z_][a-z0-9_-]{0,30}\$?$/.test(user)) return null;
      rebuilt = vscodeUrl(machine, user);
    } else if (web) {
      machine = web[1]!;
      const port = web[2] === undefined ? undefined : Number(web[2]);
      if (port !== undefined && (port < 1 || port > 65535)) return null;
      rebuilt = webUrl(machine, port);
    } else {
      return null;
    }
  } catch {
    return null;
  }
  return rebuilt === url && MACHINE_NAME_PATTERN.test(machine) ? machine : null;
}

/** May `url` be handed to the system? `isKnownMachine` answers from the machine list the core holds. */
export function isAllowedExternalUrl(url: string, isKnownMachine: (name: string) => boolean): boolean {
  if (isAppLink(url)) return true;
  const machine = machineOfUrl(url);
  return machine !== null && isKnownMachine(machine);
}

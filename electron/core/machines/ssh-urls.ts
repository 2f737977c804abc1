import { webAddress } from '../../../shared/inside';

/**
 * Addresses that open a machine in other apps. OrbStack adds `Host orb` (port 32222, its key) to ~/.ssh/config,
 * so `ssh://NAME@orb` opens Terminal with ssh into the machine as its default user.
 */
export function terminalUrl(machine: string): string {
  return `ssh://${encodeURIComponent(machine)}@orb`;
}

/** VS Code's Remote-SSH on the user's home folder in the machine. */
export function vscodeUrl(machine: string, user: string): string {
  const home = user === 'root' ? '/root' : `/home/${user}`;
  return `vscode://vscode-remote/ssh-remote+${encodeURIComponent(`${machine}@orb`)}${home}`;
}

/** The machine's web address, http://NAME.orb.local/ (shared/inside.ts). */
export function webUrl(machine: string, port?: number): string {
  return `http://${webAddress(machine)}${port === undefined ? '' : `:${port}`}/`;
}

import { isAbsolute, relative, sep } from 'node:path';

/**
 * Places on a Mac that hold secrets or the system's own configuration. A file from one of them is never used as
 * an import or cloud-init source, nor written as an export, and copying one into a machine asks first: a
 * mistaken drop (or a page that is not the person) must not move a private key into a Linux machine unnoticed.
 */
const IN_HOME: ReadonlyArray<[string, string]> = [
  ['.ssh', 'your SSH keys'],
  ['.gnupg', 'your GnuPG keys'],
  ['.orbstack', 'OrbStack’s own keys and settings'],
  ['.aws', 'your AWS credentials'],
  ['.azure', 'your Azure credentials'],
  ['.config/gcloud', 'your Google Cloud credentials'],
  ['.config/gh', 'your GitHub CLI credentials'],
  ['.kube', 'your Kubernetes credentials'],
  ['.docker', 'your Docker credentials'],
  ['.password-store', 'your password store'],
  ['.netrc', 'your saved passwords (.netrc)'],
  ['.git-credentials', 'your saved Git passwords'],
  ['.pgpass', 'your saved PostgreSQL passwords'],
  ['Library/Keychains', 'your keychains'],
  ['Library/Cookies', 'your cookies'],
];

const SYSTEM: ReadonlyArray<[string, string]> = [
  ['/etc', 'the system’s configuration (/etc)'],
  ['/private/etc', 'the system’s configuration (/etc)'],
  ['/var/root', 'the administrator’s home folder'],
  ['/private/var/root', 'the administrator’s home folder'],
  ['/private/var/db', 'the system’s databases'],
  ['/var/db', 'the system’s databases'],
  ['/Library/Keychains', 'the system keychains'],
];

const inside = (path: string, folder: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
};

/** What `path` (absolute, symbolic links already resolved) is part of, in words, or null when it is ordinary. */
export function sensitivePlace(path: string, home: string): string | null {
  for (const [folder, words] of IN_HOME) if (inside(path, `${home}/${folder}`)) return words;
  for (const [folder, words] of SYSTEM) if (inside(path, folder)) return words;
  return null;
}

/**
 * What a path in a request must be: absolute (a relative one would depend on the main process's folder, and
 * orbctl would resolve it against its own), not empty, not absurdly long, and without a NUL character (which
 * would cut it short on the way to the OS). One rule for the IPC schema and the adapter.
 */
export const MAX_PATH_LENGTH = 4096;

export function absolutePathProblem(path: string): string | null {
  if (path === '') return 'Choose a file.';
  if (path.length > MAX_PATH_LENGTH) return 'The path is too long.';
  if (path.includes('\0')) return 'A path cannot contain a NUL character.';
  if (!path.startsWith('/')) return 'Give the full path, starting with /.';
  return null;
}

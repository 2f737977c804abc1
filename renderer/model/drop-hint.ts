/** What dropping files on a machine's row does, in the words the row shows while they are over it. */
export function dropHint(machine: string): string {
  return `Drop to copy into ${machine} (an export is imported)`;
}

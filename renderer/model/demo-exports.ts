/**
 * What the export dialogs say in the demo, where the simulator writes the files: a stand-in much smaller than
 * a real export (app-core.ts: DEMO_EXPORT_SCALE), or, when the person asked for real sizes, that it is as big.
 */
export function demoExportNote(scale: number | undefined): string | null {
  if (scale === undefined) return null;
  if (scale >= 1)
    return 'Demo: the simulator writes a file as big as a real export of this machine would be.';
  const share = scale >= 0.01 ? `about ${Math.round(1 / scale)} times smaller than` : 'a small fraction of';
  return `Demo: the simulator writes a stand-in file, ${share} a real export of this machine.`;
}

/**
 * The files that travel with an export (docs/verified-exports.md): `<export>.sha256` and
 * `<export>.manifest.json`. Dropped or chosen together with their export, they go with it, so that the import
 * preview can check the export against its checksum; they are never refused as "not an export", nor copied
 * into a machine.
 */
export const SIDECAR_SUFFIXES = ['.sha256', '.manifest.json'] as const;

export interface ExportWithSidecars<F> {
  file: F;
  sidecars: F[];
}

/** Splits files into exports (each with the sidecars among the files) and everything else. */
export function pairSidecars<F extends { name: string }>(
  files: readonly F[],
  isExport: readonly boolean[],
): { exports: ExportWithSidecars<F>[]; others: F[] } {
  const exports = files.filter((_, i) => isExport[i]).map((file) => ({ file, sidecars: [] as F[] }));
  const others: F[] = [];
  files.forEach((file, i) => {
    if (isExport[i]) return;
    const owner = exports.find((e) => SIDECAR_SUFFIXES.some((s) => file.name === e.file.name + s));
    if (owner) owner.sidecars.push(file);
    else others.push(file);
  });
  return { exports, others };
}

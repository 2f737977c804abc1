/**
 * A presets file someone shared, read for import: every preset checked by the shared rules
 * (shared/presets.ts), and its cloud-init checked exactly as the New Machine editor checks it, since it runs in
 * every machine created from the preset. A file with any problem is refused whole, and says so.
 */
import { AppError, ErrorCode } from '../../../shared/errors';
import { parsePresetsFile, type PresetFields } from '../../../shared/presets';
import { checkCloudInit } from '../cloud-init/check';

/** The presets of a shared file, or INVALID_INPUT naming every problem (`presets[1].cloudInit: Line 3: …`). */
export function readPresetsFile(text: string): PresetFields[] {
  const { presets, problems } = parsePresetsFile(text);
  if (problems.length === 0) {
    presets.forEach((preset, i) => {
      for (const problem of checkCloudInit(preset.cloudInit ?? '')) {
        if (preset.cloudInit === undefined || problem.severity !== 'error') continue;
        const where = problem.line === null ? '' : `Line ${problem.line}: `;
        problems.push(`presets[${i}].cloudInit: ${where}${problem.message}`);
      }
    });
  }
  if (problems.length === 0) return presets;
  throw new AppError(
    ErrorCode.INVALID_INPUT,
    problems.length === 1
      ? `Nothing was imported: the presets file has a problem. ${problems[0]}`
      : `Nothing was imported: the presets file has ${problems.length} problems.`,
    { notes: problems },
  );
}

import type { PresetPreview } from '../../../shared/presets';
import { DialogButtons } from '../../components/DialogButtons';
import { presetSummary } from '../../model/preset-summary';

/**
 * A shared presets file, shown before it is imported: each preset, which existing one it would replace, and
 * the cloud-init it carries in full, since that runs (as root) in every machine created from the preset.
 */
export function PresetImportReview({
  fileName,
  presets,
  busy,
  onImport,
  onCancel,
}: {
  fileName: string;
  presets: PresetPreview[];
  busy: boolean;
  onImport(): void;
  onCancel(): void;
}) {
  const withCloudInit = presets.filter((p) => p.cloudInit !== undefined).length;
  return (
    <div className="banner" role="region" aria-label="Presets to import">
      <p>
        Import {presets.length === 1 ? 'this preset' : `these ${presets.length} presets`} from “{fileName}”?
        {withCloudInit > 0 &&
          ` ${withCloudInit === 1 ? 'One carries' : `${withCloudInit} carry`} cloud-init, which runs as root in every machine created from ${withCloudInit === 1 ? 'it' : 'them'}: read it before you import.`}
      </p>
      <ul className="preset-list">
        {presets.map((p) => (
          <li key={p.name} aria-label={p.name}>
            <div>
              <strong>{p.name}</strong>
              <div className="muted">
                {presetSummary(p)}
                {p.replaces && ' · replaces the preset of this name'}
              </div>
              {p.cloudInit !== undefined && (
                <pre className="cloud-init-text" aria-label={`Cloud-init of ${p.name}`}>
                  {p.cloudInit}
                </pre>
              )}
            </div>
          </li>
        ))}
      </ul>
      <DialogButtons
        label="Import"
        cancelLabel="Cancel"
        onCancel={onCancel}
        onConfirm={onImport}
        disabled={busy}
      />
    </div>
  );
}

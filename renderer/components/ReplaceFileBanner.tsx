import { DialogButtons } from './DialogButtons';

/**
 * "A file with this name already exists. Replace it?", asked inside a dialog that writes a file on the Mac
 * (Export, Copy File from Machine). `existing` names exactly what would be replaced when the core said so;
 * `kept` says how long the old file survives; Keep It goes back to the form.
 */
export function ReplaceFileBanner({
  existing = 'A file with this name already exists.',
  kept,
  busy,
  onReplace,
  onKeep,
}: {
  existing?: string;
  kept: string;
  busy: boolean;
  onReplace(): void;
  onKeep(): void;
}) {
  return (
    <div className="banner banner-warning" role="alert">
      <p>
        {existing} Replace it? {kept}
      </p>
      <DialogButtons
        label="Replace"
        cancelLabel="Keep It"
        onCancel={onKeep}
        onConfirm={onReplace}
        disabled={busy}
        destructive
      />
    </div>
  );
}

import type { ReactNode } from 'react';

/**
 * The footer every dialog shares (as GitHub Desktop's OkCancelButtonGroup): the way out on the left, the action
 * on the right as macOS orders them. The action submits the dialog's form unless it has a click of its own; a
 * destructive one is drawn as such, and `focusCancel` puts the focus on the safe choice. `leading` holds a
 * button that is not an answer to the sheet (Presets…), at the far left as macOS puts such buttons.
 */
interface Props {
  /** The action's label ("Clone", "Delete ubuntu"). */
  label: string;
  onCancel(): void;
  /** Without it the action is the form's submit button. */
  onConfirm?: () => void;
  disabled?: boolean;
  destructive?: boolean;
  cancelLabel?: string;
  focusCancel?: boolean;
  leading?: ReactNode;
}

export function DialogButtons({
  label,
  onCancel,
  onConfirm,
  disabled = false,
  destructive = false,
  cancelLabel = 'Cancel',
  focusCancel = false,
  leading,
}: Props) {
  return (
    <div className="dialog-buttons">
      {leading && (
        <>
          {leading}
          <span className="dialog-buttons-gap" />
        </>
      )}
      <button type="button" onClick={onCancel} {...(focusCancel ? { 'data-autofocus': true } : {})}>
        {cancelLabel}
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={destructive ? 'danger-fill' : 'primary'}
        onClick={onConfirm}
        disabled={disabled}
      >
        {label}
      </button>
    </div>
  );
}

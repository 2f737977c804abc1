import { useId } from 'react';
import { newMachineNameProblem } from '../../shared/names';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Names already used (another machine cannot have them). */
  taken: readonly string[];
  autoFocus?: boolean;
}

/** A machine-name input validated as you type, with the reason shown and announced. */
export function NameField({ label, value, onChange, taken, autoFocus }: Props) {
  const id = useId();
  const problem = newMachineNameProblem(value, taken);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      />
      <p id={`${id}-hint`} className={problem ? 'field-error' : 'field-hint'} aria-live="polite">
        {problem ?? 'Letters, digits, "-" and "."; it becomes the hostname NAME.orb.local.'}
      </p>
    </div>
  );
}

import type { LimitsForm } from '../model/limits-form';

const FIELDS: ReadonlyArray<[keyof LimitsForm, string]> = [
  ['cpus', 'CPUs'],
  ['memory', 'Memory'],
  ['disk', 'Disk'],
];

/** CPUs, Memory and Disk, as New Machine and Change Limits ask for them (orbctl ≥ 2.2). */
export function LimitsFields({
  legend,
  value,
  onChange,
  placeholders = { cpus: 'all', memory: 'e.g. 4G', disk: 'e.g. 64G' },
  disabled = false,
}: {
  legend: string;
  value: LimitsForm;
  onChange(change: Partial<LimitsForm>): void;
  placeholders?: LimitsForm;
  disabled?: boolean;
}) {
  return (
    <fieldset className="field-wide limits">
      <legend>{legend}</legend>
      {FIELDS.map(([key, label]) => (
        <label key={key}>
          {label}{' '}
          <input
            inputMode={key === 'cpus' ? 'numeric' : undefined}
            value={value[key]}
            placeholder={placeholders[key]}
            disabled={disabled}
            onChange={(e) => onChange({ [key]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}

import { useId } from 'react';
import type { LimitsForm } from '../model/limits-form';

const FIELDS: ReadonlyArray<[keyof LimitsForm, string]> = [
  ['cpus', 'CPUs'],
  ['memory', 'Memory'],
  ['disk', 'Disk'],
];

/**
 * CPUs, Memory and Disk, as New Machine and Change Limits ask for them (orbctl ≥ 2.2): a group named in the
 * sheet's label column, its three fields in one box beside it (a Mac group box has no legend on its border).
 */
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
  const id = useId();
  return (
    <div className="field field-wide" role="group" aria-labelledby={`${id}-legend`}>
      <span id={`${id}-legend`} className="field-label">
        {legend}
      </span>
      <div className="group-box limits">
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
      </div>
    </div>
  );
}

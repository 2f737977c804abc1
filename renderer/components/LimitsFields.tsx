import type { LimitsForm } from '../lib/limits-form';

/** CPUs, Memory and Disk, as New Machine and Change Limits ask for them (orbctl ≥ 2.2). */
export function LimitsFields({
  legend,
  value,
  onChange,
  placeholders = { cpus: 'all', memory: 'e.g. 4G', disk: 'e.g. 64G' },
}: {
  legend: string;
  value: LimitsForm;
  onChange(change: Partial<LimitsForm>): void;
  placeholders?: LimitsForm;
}) {
  return (
    <fieldset className="field-wide limits">
      <legend>{legend}</legend>
      <label>
        CPUs{' '}
        <input
          inputMode="numeric"
          value={value.cpus}
          placeholder={placeholders.cpus}
          onChange={(e) => onChange({ cpus: e.target.value })}
        />
      </label>
      <label>
        Memory{' '}
        <input
          value={value.memory}
          placeholder={placeholders.memory}
          onChange={(e) => onChange({ memory: e.target.value })}
        />
      </label>
      <label>
        Disk{' '}
        <input
          value={value.disk}
          placeholder={placeholders.disk}
          onChange={(e) => onChange({ disk: e.target.value })}
        />
      </label>
    </fieldset>
  );
}

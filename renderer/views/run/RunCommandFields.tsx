import { useId } from 'react';
import type { RunAs, RunAsChoice } from '../../../shared/inside';

export interface RunRequest {
  command: string;
  as: RunAs;
  workdir: string;
}

/** The command line, who runs it and where: the fields of Run Command… for one machine and for several. */
export function RunCommandFields({
  value,
  onChange,
  choices,
}: {
  value: RunRequest;
  onChange(change: Partial<RunRequest>): void;
  /** Who may run it (shared/inside.ts#runAsChoices): one choice when the default user is root. */
  choices: readonly RunAsChoice[];
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-command`}>Command</label>
        <input
          id={`${id}-command`}
          value={value.command}
          onChange={(e) => onChange({ command: e.target.value })}
          placeholder="uname -a"
          spellCheck={false}
          autoComplete="off"
          data-autofocus
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-as`}>Run as</label>
        {choices.length > 1 ? (
          <select
            id={`${id}-as`}
            value={value.as}
            onChange={(e) => onChange({ as: e.target.value as RunAs })}
          >
            {choices.map((c) => (
              <option key={c.as} value={c.as}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <output id={`${id}-as`} className="field-value">
            {choices[0]?.label}
          </output>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-workdir`}>Working folder</label>
        <input
          id={`${id}-workdir`}
          value={value.workdir}
          onChange={(e) => onChange({ workdir: e.target.value })}
          placeholder="the user’s home folder"
          spellCheck={false}
        />
      </div>
    </>
  );
}

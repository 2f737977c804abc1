import { useId } from 'react';
import type { RunAs } from '../../../shared/inside';

export interface RunRequest {
  command: string;
  as: RunAs;
  workdir: string;
}

/** The command line, who runs it and where: the fields of Run Command… for one machine and for several. */
export function RunCommandFields({
  value,
  onChange,
  defaultUser,
}: {
  value: RunRequest;
  onChange(change: Partial<RunRequest>): void;
  /** How to name the default user: the machine's user, or several machines' own. */
  defaultUser: string;
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
      <fieldset className="field">
        <legend>Run as</legend>
        <label>
          <input
            type="radio"
            name={`${id}-as`}
            checked={value.as === 'default'}
            onChange={() => onChange({ as: 'default' })}
          />
          {defaultUser}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-as`}
            checked={value.as === 'root'}
            onChange={() => onChange({ as: 'root' })}
          />
          root
        </label>
      </fieldset>
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

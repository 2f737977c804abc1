import { useState, type FormEvent } from 'react';
import { ask } from '../commands/core';
import { toErrorData, type AppErrorData } from '../../shared/errors';
import { ErrorDetails } from '../components/ErrorDetails';

const LINUX_USER = /^[a-z_][a-z0-9_-]{0,31}$/;

/** The machine's default user, changeable in place (`orbctl config set machine.NAME.username`). */
export function DefaultUser({
  machine,
  user,
  onChanged,
}: {
  machine: string;
  user: string;
  onChanged(): void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(user);
  const [error, setError] = useState<AppErrorData | null>(null);
  const problem = LINUX_USER.test(value)
    ? null
    : 'Lowercase letters, digits, "-" and "_", starting with a letter.';

  if (!editing) {
    return (
      <span className="inline-edit">
        {user || '—'}
        <button
          type="button"
          className="link"
          aria-label={`Change the default user of ${machine}`}
          onClick={() => {
            setValue(user);
            setEditing(true);
          }}
        >
          Change
        </button>
      </span>
    );
  }
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    try {
      await ask('machine:set-user', { name: machine, user: value });
      setEditing(false);
      onChanged();
    } catch (e) {
      setError(toErrorData(e));
    }
  };
  return (
    <form className="inline-edit" onSubmit={save}>
      <input
        aria-label={`Default user of ${machine}`}
        value={value}
        autoFocus
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))}
      />
      <button type="submit" disabled={!!problem}>
        Save
      </button>
      {problem && <span className="field-error">{problem}</span>}
      {error && <ErrorDetails error={error} />}
    </form>
  );
}

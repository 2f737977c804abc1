// Cloud-init user data in the New Machine form: typed or loaded from a file, edited, and checked
// (electron/core/cloud-init/check.ts) as the person types, so a problem is seen before the machine exists.
import { useEffect, useId, useRef, useState } from 'react';
import type { CloudInitProblem } from '../../../shared/ipc/types';
import { MAX_CLOUD_INIT_CHARS } from '../../../shared/machine-options';
import { isDesktop, ask } from '../../commands/core';
import { toErrorData } from '../../../shared/errors';

const PLACEHOLDER = '#cloud-config\npackages:\n  - git\nruncmd:\n  - echo ready';

interface Props {
  value: string;
  onChange(text: string): void;
  /** Told how many errors the text has now (they stop the create). */
  onErrors(count: number): void;
  /** Why there is no cloud-init for this distro, or null when it has one. */
  unsupported: string | null;
}

export function CloudInitEditor({ value, onChange, onErrors, unsupported }: Props) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<CloudInitProblem[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const electron = isDesktop();

  useEffect(() => {
    if (unsupported || value.trim() === '') {
      onErrors(0);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void ask('userdata:check', { text: value })
        .then(({ problems: found }) => {
          if (!current) return;
          setProblems(found);
          onErrors(found.filter((p) => p.severity === 'error').length);
        })
        .catch(() => {});
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, unsupported, onErrors]);

  // Problems of text that is no longer there are not shown.
  const shown = unsupported || value.trim() === '' ? [] : problems;
  const load = async () => {
    setLoadProblem(null);
    if (!electron) return fileInput.current?.click();
    // The desktop app reads the file in the main process, which refuses places that hold secrets.
    const { files } = await ask('desktop:pick-files', { purpose: 'cloud-init' });
    if (!files[0]) return;
    try {
      onChange((await ask('userdata:read', { path: files[0].ref })).text);
    } catch (error) {
      setLoadProblem(toErrorData(error).message);
    }
  };
  const loadPicked = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CLOUD_INIT_CHARS)
      return setLoadProblem(`${file.name} is ${file.size} bytes; cloud-init user data is at most 256 KiB.`);
    try {
      onChange(await readText(file));
    } catch {
      setLoadProblem(`${file.name} could not be read.`);
    }
  };

  return (
    <div className="field field-wide cloud-init-editor">
      <label htmlFor={`${id}-text`}>cloud-init user data</label>
      <textarea
        id={`${id}-text`}
        className="mono"
        rows={10}
        value={unsupported ? '' : value}
        disabled={!!unsupported}
        placeholder={unsupported ?? `${PLACEHOLDER}\n(optional)`}
        spellCheck={false}
        autoCapitalize="off"
        maxLength={MAX_CLOUD_INIT_CHARS}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="row">
        <button type="button" disabled={!!unsupported} onClick={() => void load()}>
          Load File…
        </button>
        {value && !unsupported && (
          <button type="button" onClick={() => onChange('')}>
            Clear
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".yaml,.yml,.cfg,.txt,text/*"
          aria-label="cloud-init file"
          onChange={(e) => {
            void loadPicked(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {loadProblem && (
        <p className="field-error" role="alert">
          {loadProblem}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="cloud-init-problems" aria-label="Problems with the cloud-init user data">
          {shown.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.line !== null && `Line ${p.line}: `}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {!unsupported && (
        <p className="field-hint">
          Runs in the machine after it starts; the machine shows “Setting up” until cloud-init has finished.
        </p>
      )}
    </div>
  );
}

/** A picked file's text (FileReader: every browser and the test DOM have it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

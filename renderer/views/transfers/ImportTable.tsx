import { useEffect } from 'react';
import { describeImage } from '../../../shared/distros';
import type { ImportPreview } from '../../../shared/ipc/contract';
import { useExportCheck, VERDICT_WORDS } from '../../hooks/use-export-check';
import { formatBytes } from '../../model/format';
import { importCheckMessage } from '../../model/import-check';
import { ChecksumStatus } from './ChecksumStatus';

/**
 * Several exports to import, as a compact table: what each holds, and the new machine's name editable in place
 * (checked as it is typed); under each, its checksum and what is wrong with the name.
 */
export function ImportTable({
  items,
  names,
  problems,
  onName,
  onVerdict,
}: {
  items: readonly ImportPreview[];
  names: readonly string[];
  problems: ReadonlyArray<string | null>;
  onName(index: number, name: string): void;
  onVerdict(path: string, damaged: boolean): void;
}) {
  return (
    <div className="choice-table-box">
      <table className="choice-table import-table" aria-label="Exports to import">
        <thead>
          <tr>
            <th scope="col">Export</th>
            <th scope="col">Distro</th>
            <th scope="col" className="num">
              File
            </th>
            <th scope="col">Exported</th>
            <th scope="col">New name</th>
          </tr>
        </thead>
        {items.map((item, i) => (
          <tbody key={item.path} aria-label={`Export of ${item.name}`}>
            <tr>
              <td>{item.name}</td>
              <td>
                {describeImage(item.distro, item.version)} · {item.arch}
              </td>
              <td className="num">{formatBytes(item.size)}</td>
              <td title={formatDate(item.exportedAt)}>
                {formatDate(item.exportedAt, { month: 'short', day: 'numeric' })}
              </td>
              <td>
                <input
                  aria-label={`Name for ${item.name}`}
                  value={names[i]}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  aria-invalid={problems[i] ? true : undefined}
                  {...(i === 0 ? { 'data-autofocus': true } : {})}
                  onChange={(e) => onName(i, e.target.value)}
                />
              </td>
            </tr>
            <tr className="import-notes">
              <td colSpan={5}>
                {problems[i] && (
                  <p className="field-error" role="alert">
                    {item.name}: {problems[i]}
                  </p>
                )}
                <ItemCheck item={item} onVerdict={onVerdict} />
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The checksum line of one file, reporting a damaged file to the dialog. */
export function ItemCheck({
  item,
  onVerdict,
}: {
  item: ImportPreview;
  onVerdict: (path: string, damaged: boolean) => void;
}) {
  const state = useExportCheck(item.ref, item.checksum);
  const bad = state.phase === 'done' && state.verdict === 'mismatch';
  useEffect(() => onVerdict(item.path, bad), [item.path, bad, onVerdict]);
  // Said plainly: whether the file was checked, and how to have it checked when it was not.
  const more =
    state.phase === 'done' && state.message !== VERDICT_WORDS[state.verdict] ? state.message : undefined;
  const said =
    state.phase === 'done'
      ? { ...state, message: importCheckMessage(state.verdict, item.uploaded, more) }
      : state;
  return <ChecksumStatus state={said} />;
}

/** When an export was made, as the person reads dates; a value that is no date is shown as it is. */
export function formatDate(iso: string, style?: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, style);
}

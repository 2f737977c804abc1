import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { describeImage } from '../../../shared/distros';
import type { ImportPreview } from '../../../shared/ipc/contract';
import type { FolderPreview } from '../../../shared/ipc/types';
import { getApi } from '../../api/api';
import { toErrorData } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { newMachineNameProblem } from '../../../shared/names';
import { NameField } from '../../components/NameField';
import { formatBytes } from '../../model/format';
import { selectMachines, useMachines } from '../../state/machines';
import { useUi } from '../../state/ui';
import { useSubmit } from '../dialogs/use-submit';
import { useExportCheck, VERDICT_WORDS } from '../../hooks/use-export-check';
import { importCheckMessage } from '../../model/import-check';
import { ChecksumStatus } from './ChecksumStatus';

/** What each dropped or picked export holds, with a name for each new machine; each becomes its own job. */
export function ImportDialog({
  items,
  folder,
}: {
  items: ImportPreview[];
  /** The items came from this folder of exports; its problems are said before anything is imported. */
  folder?: Omit<FolderPreview, 'items'> | undefined;
}) {
  const close = useUi((s) => s.close);
  const existing = useMachines(selectMachines).map((m) => m.name);
  const [names, setNames] = useState(() => items.map((i) => i.proposedName));
  const { busy, error, submit } = useSubmit();
  // Files that do not match their checksum are imported only after the person says so.
  const [damaged, setDamaged] = useState<ReadonlySet<string>>(new Set());
  const [anyway, setAnyway] = useState(false);
  const onVerdict = useCallback(
    (path: string, bad: boolean) =>
      setDamaged((all) => {
        if (all.has(path) === bad) return all;
        const next = new Set(all);
        if (bad) next.add(path);
        else next.delete(path);
        return next;
      }),
    [],
  );
  const blocked = damaged.size > 0 && !anyway;
  // Each name must be free among the machines and among the other files of this import.
  const problems = names.map((name, i) =>
    newMachineNameProblem(name, [...existing, ...names.filter((_, j) => j !== i)]),
  );

  const discard = () => {
    for (const item of items)
      if (item.uploaded)
        void getApi()
          .invoke('upload:discard', { path: item.path })
          .catch(() => {});
    close();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.some(Boolean) || blocked) return;
    void submit(async () => {
      const failures: string[] = [];
      for (const [i, item] of items.entries()) {
        try {
          await getApi().invoke('machine:import', { path: item.ref, name: names[i]! });
        } catch (e) {
          failures.push(`${item.name}: ${toErrorData(e).message}`);
        }
      }
      if (failures.length) throw new Error(failures.join('\n'));
      close();
    });
  };

  const title = items.length === 1 ? `Import “${items[0]!.name}”` : `Import ${items.length} Machines`;
  return (
    <Dialog title={title} onClose={discard}>
      <form onSubmit={onSubmit}>
        {folder && <FolderSummary folder={folder} count={items.length} />}
        <ul className="import-list">
          {items.map((item, i) => (
            <li key={item.path} aria-label={`Export of ${item.name}`}>
              {items.length > 2 ? (
                <p className="import-summary">
                  <strong>{item.name}</strong> · {describeImage(item.distro, item.version)} · {item.arch} ·{' '}
                  {formatBytes(item.size)} · exported {formatDate(item.exportedAt)}
                </p>
              ) : (
                <dl className="import-facts">
                  <dt>Exported machine</dt>
                  <dd>{item.name}</dd>
                  <dt>Distro</dt>
                  <dd>{describeImage(item.distro, item.version)}</dd>
                  <dt>Architecture</dt>
                  <dd>{item.arch}</dd>
                  <dt>Exported</dt>
                  <dd>{formatDate(item.exportedAt)}</dd>
                  <dt>File</dt>
                  <dd>{formatBytes(item.size)}</dd>
                </dl>
              )}
              <ItemCheck item={item} onVerdict={onVerdict} />
              <NameField
                label={items.length === 1 ? 'Name of the new machine' : `Name for ${item.name}`}
                value={names[i]!}
                onChange={(value) => setNames((all) => all.map((n, j) => (j === i ? value : n)))}
                taken={[...existing, ...names.filter((_, j) => j !== i)]}
                autoFocus={i === 0}
              />
            </li>
          ))}
        </ul>
        {damaged.size > 0 && (
          <div className="banner banner-error" role="alert">
            <p>
              {damaged.size === 1 && items.length === 1
                ? 'This file does not match its checksum: it changed after it was exported, or it is damaged.'
                : `${damaged.size} of these files do not match their checksums: they changed after they were exported, or they are damaged.`}{' '}
              The machine made from a damaged file may not work.
            </p>
            <label className="checkbox">
              <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.target.checked)} />
              Import anyway
            </label>
          </div>
        )}
        {error && <ErrorDetails error={error} />}
        <DialogButtons
          label={items.length === 1 ? 'Import' : `Import ${items.length} Machines`}
          onCancel={discard}
          disabled={problems.some(Boolean) || busy || blocked}
          destructive={damaged.size > 0}
        />
      </form>
    </Dialog>
  );
}

/** Where the exports come from, and what the folder's index says is missing or unfinished. */
function FolderSummary({ folder, count }: { folder: Omit<FolderPreview, 'items'>; count: number }) {
  return (
    <div className={folder.problems.length ? 'banner banner-warning' : 'banner'} role="status">
      <p>
        {count === 1 ? '1 machine' : `${count} machines`} from <strong>{folder.folder}</strong>
        {folder.indexed ? ', as its index lists them.' : ' (no index beside them).'}
      </p>
      {folder.problems.length > 0 && (
        <ul aria-label="Problems with the folder">
          {folder.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The checksum line of one file, reporting a damaged file to the dialog. */
function ItemCheck({
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

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

import { useState, type FormEvent } from 'react';
import { describeImage } from '../../../shared/distros';
import type { ImportPreview } from '../../../shared/ipc/contract';
import { getApi } from '../../api/api';
import { toErrorData } from '../../../shared/errors';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorDetails } from '../../components/ErrorDetails';
import { newMachineNameProblem } from '../../../shared/names';
import { NameField } from '../../components/NameField';
import { formatBytes } from '../../lib/format';
import { selectMachines, useMachines } from '../../stores/machines';
import { useUi } from '../../stores/ui';
import { useSubmit } from './use-submit';

/** What each dropped or picked export holds, with a name for each new machine; each becomes its own job. */
export function ImportDialog({ items }: { items: ImportPreview[] }) {
  const close = useUi((s) => s.close);
  const existing = useMachines(selectMachines).map((m) => m.name);
  const [names, setNames] = useState(() => items.map((i) => i.proposedName));
  const { busy, error, submit } = useSubmit();
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
    if (problems.some(Boolean)) return;
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
        <ul className="import-list">
          {items.map((item, i) => (
            <li key={item.path} aria-label={`Export of ${item.name}`}>
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
        {error && <ErrorDetails error={error} />}
        <DialogButtons
          label={items.length === 1 ? 'Import' : `Import ${items.length} Machines`}
          onCancel={discard}
          disabled={problems.some(Boolean) || busy}
        />
      </form>
    </Dialog>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

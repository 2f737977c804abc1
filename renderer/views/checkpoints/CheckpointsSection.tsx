/**
 * A machine's checkpoints in its details: label, time, size, and Revert, Clone and Delete for each,
 * with Save Checkpoint. Its dialogs are its own, so it works wherever it is mounted.
 */
import { useState } from 'react';
import type { Machine } from '../../../shared/machine';
import { checkpointCount } from '../../model/checkpoints';
import { formatBytes } from '../../model/format';
import { useCheckpointGroups } from '../../state/checkpoints';
import { CloneCheckpointDialog } from './CloneCheckpointDialog';
import { DeleteCheckpointDialog } from './DeleteCheckpointDialog';
import { RevertCheckpointDialog } from './RevertCheckpointDialog';
import { SaveCheckpointDialog } from './SaveCheckpointDialog';

type Open = { kind: 'save' } | { kind: 'revert' | 'clone' | 'delete'; checkpoint: string } | null;

/** Said once, where checkpoints are shown. */
export const ORBSTACK_NOTE =
  'OrbStack’s own app and orbctl show checkpoints as ordinary stopped machines (named “…--cp-date-time”).';

export function CheckpointsSection({ machine }: { machine: Machine }) {
  const groups = useCheckpointGroups();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const own = [...groups.byMachine.values(), groups.orphans].flat().find((c) => c.name === machine.name);
  if (own) {
    return (
      <section className="checkpoints" aria-label="Checkpoint">
        <h3>Checkpoint</h3>
        <p>
          This machine is the checkpoint “{own.label}” of {own.sourceName}, saved{' '}
          {new Date(own.createdAt).toLocaleString()}.
        </p>
        <p className="muted">{ORBSTACK_NOTE}</p>
      </section>
    );
  }
  const list = groups.byMachine.get(machine.name) ?? [];
  return (
    <section className="checkpoints" aria-label="Checkpoints">
      <header className="row">
        <h3>Checkpoints</h3>
        <span className="muted">{list.length ? checkpointCount(list.length) : 'none yet'}</span>
        <button type="button" onClick={() => setOpen({ kind: 'save' })}>
          Save Checkpoint…
        </button>
      </header>
      {list.length > 0 && (
        <table className="checkpoint-list">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Saved</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.name} data-checkpoint={c.name}>
                <td>{c.label}</td>
                <td>{new Date(c.createdAt).toLocaleString()}</td>
                <td>{c.size ? formatBytes(c.size) : '—'}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Revert to ${c.label}`}
                    onClick={() => setOpen({ kind: 'revert', checkpoint: c.name })}
                  >
                    Revert…
                  </button>
                  <button
                    type="button"
                    aria-label={`Clone ${c.label}`}
                    onClick={() => setOpen({ kind: 'clone', checkpoint: c.name })}
                  >
                    Clone…
                  </button>
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete ${c.label}`}
                    onClick={() => setOpen({ kind: 'delete', checkpoint: c.name })}
                  >
                    Delete…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">A checkpoint keeps the disk, not running programs. {ORBSTACK_NOTE}</p>
      {open?.kind === 'save' && <SaveCheckpointDialog machine={machine.name} onClose={close} />}
      {open?.kind === 'revert' && (
        <RevertCheckpointDialog machine={machine.name} checkpoint={open.checkpoint} onClose={close} />
      )}
      {open?.kind === 'clone' && (
        <CloneCheckpointDialog machine={machine.name} checkpoint={open.checkpoint} onClose={close} />
      )}
      {open?.kind === 'delete' && <DeleteCheckpointDialog checkpoint={open.checkpoint} onClose={close} />}
    </section>
  );
}

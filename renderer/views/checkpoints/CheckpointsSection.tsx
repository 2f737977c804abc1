/**
 * A machine's checkpoints in its details, as a list that fits the inspector: label, then when it was saved and
 * its size; Revert, Clone and Delete for each on hover or focus; and Save Checkpoint. Its dialogs are its own, so it works wherever it is mounted.
 */
import { Copy, RotateCcw, Trash2 } from 'lucide-react';
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
        <ul className="checkpoint-list" aria-label={`Checkpoints of ${machine.name}`}>
          {list.map((c) => (
            <li key={c.name} className="checkpoint-item" aria-label={c.label} data-checkpoint={c.name}>
              <div className="checkpoint-text">
                <span className="checkpoint-label" title={c.label}>
                  {c.label}
                </span>
                <span className="checkpoint-meta">
                  <time dateTime={new Date(c.createdAt).toISOString()}>{savedAt(c.createdAt)}</time>
                  {c.size ? ` · ${formatBytes(c.size)}` : ''}
                </span>
              </div>
              {/* Shown on hover and on focus, as Mail's row buttons are; each says what it does. */}
              <div className="checkpoint-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Revert to ${c.label}`}
                  title="Revert to This Checkpoint…"
                  onClick={() => setOpen({ kind: 'revert', checkpoint: c.name })}
                >
                  <RotateCcw size={13} aria-hidden />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Clone ${c.label}`}
                  title="Clone as a New Machine…"
                  onClick={() => setOpen({ kind: 'clone', checkpoint: c.name })}
                >
                  <Copy size={13} aria-hidden />
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={`Delete ${c.label}`}
                  title="Delete Checkpoint…"
                  onClick={() => setOpen({ kind: 'delete', checkpoint: c.name })}
                >
                  <Trash2 size={13} aria-hidden />
                </button>
              </div>
            </li>
          ))}
        </ul>
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

/** "Dec 7, 2026, 10:15 AM": the date and minute, without seconds. */
function savedAt(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

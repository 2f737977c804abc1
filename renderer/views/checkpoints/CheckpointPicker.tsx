// Choosing one of a machine's checkpoints (newest first).
import type { Checkpoint } from '../../model/checkpoints';

interface Props {
  checkpoints: readonly Checkpoint[];
  value: string;
  onChange(name: string): void;
}

export function CheckpointPicker({ checkpoints, value, onChange }: Props) {
  return (
    <div className="field">
      <label htmlFor="checkpoint-pick">Checkpoint</label>
      <select id="checkpoint-pick" value={value} onChange={(e) => onChange(e.target.value)} data-autofocus>
        {checkpoints.map((c) => (
          <option key={c.name} value={c.name}>
            {c.label} — {new Date(c.createdAt).toLocaleString()}
          </option>
        ))}
      </select>
    </div>
  );
}

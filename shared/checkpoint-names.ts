/**
 * How a checkpoint is named (docs/checkpoints.md). A checkpoint is an ordinary OrbStack machine, so its name
 * follows orbctl's rule (docs/orbctl.md#names): `<machine>--cp-YYYYMMDD-HHMMSS`, with `-2`, `-3`, … when two
 * are saved in the same second, so that OrbStack's own app and `orbctl list` show what it is. The name says;
 * it does not decide: a person may name a machine the same way, and only OrbDeck's record makes a machine a
 * checkpoint (shared/checkpoint-records.ts).
 */
import { fileStamp } from './file-stamp';
import { MAX_MACHINE_NAME_LENGTH } from './names';

export const CHECKPOINT_MARK = '--cp-';
const PATTERN = /^(.+)--cp-(\d{8})-(\d{6})(?:-(\d{1,3}))?$/;
/** `--cp-` + `YYYYMMDD-HHMMSS` + room for `-NNN`. */
const SUFFIX_ROOM = CHECKPOINT_MARK.length + 15 + 4;

/** A free, legal name for a checkpoint of `source` saved at `when`. Long machine names are shortened. */
export function checkpointName(source: string, when: Date, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = source.slice(0, MAX_MACHINE_NAME_LENGTH - SUFFIX_ROOM).replace(/[-.]+$/, '');
  const base = `${stem}${CHECKPOINT_MARK}${fileStamp(when)}`;
  if (!used.has(base)) return base;
  for (let n = 2; n < 1000; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  throw new Error(`No free checkpoint name for ${source}.`);
}

export interface ParsedCheckpointName {
  /** The machine's name as it was when saved (shortened when it was long). */
  source: string;
  /** Epoch ms, local time as written in the name. */
  createdAt: number;
}

/** What a checkpoint's name says, or null when `name` is not a checkpoint's. */
export function parseCheckpointName(name: string): ParsedCheckpointName | null {
  // Most names are not checkpoints': the list asks this of every machine as it is drawn.
  if (!name.includes(CHECKPOINT_MARK)) return null;
  const m = PATTERN.exec(name);
  if (!m) return null;
  const [, source, day, time] = m as unknown as [string, string, string, string];
  const date = new Date(
    Number(day.slice(0, 4)),
    Number(day.slice(4, 6)) - 1,
    Number(day.slice(6, 8)),
    Number(time.slice(0, 2)),
    Number(time.slice(2, 4)),
    Number(time.slice(4, 6)),
  );
  if (Number.isNaN(date.getTime())) return null;
  return { source, createdAt: date.getTime() };
}

/** The label a checkpoint gets when the person types none: the date and time, as people read them. */
export function defaultCheckpointLabel(when: Date): string {
  return when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

import { CircleDashed } from 'lucide-react';

/** What the mark says: the row shows what orbctl answered, before a list has read it back. */
export const UNCONFIRMED = 'Not yet confirmed: orbctl said so, and the next list will check it';

/** A small dashed circle beside a state that a finished action set and no list has confirmed yet. */
export function UnconfirmedMark() {
  return (
    <span className="unconfirmed-mark" title={UNCONFIRMED}>
      <CircleDashed size={11} role="img" aria-label="not yet confirmed" aria-description={UNCONFIRMED} />
    </span>
  );
}

import { CircleCheck, CircleMinus, CircleX } from 'lucide-react';
import type { Outcome } from '../../model/history-groups';

const SYMBOL = { succeeded: CircleCheck, failed: CircleX, cancelled: CircleMinus } as const;
export const OUTCOME_WORD = { succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled' } as const;

/** How a job ended, as a coloured symbol with its word for screen readers and as its tooltip. */
export function OutcomeSymbol({ state }: { state: Outcome }) {
  const Symbol = SYMBOL[state];
  return (
    <span className={`outcome-symbol outcome-symbol-${state}`} title={OUTCOME_WORD[state]}>
      <Symbol size={14} aria-hidden />
      <span className="visually-hidden">{OUTCOME_WORD[state]}</span>
    </span>
  );
}

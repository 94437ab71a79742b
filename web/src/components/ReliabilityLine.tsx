import type { Reliability } from '../types';
import { formatReliability } from './reliability';

/** Who turns up: a partner's interview record, as counts (no hidden formula). */
export function ReliabilityLine({ reliability }: { reliability: Reliability | undefined }) {
  if (!reliability) return null;
  const isNew = reliability.score == null;
  return (
    <p className={`reliability${isNew ? ' reliability-new' : ''}`} data-testid="reliability">
      <span className="sr-only">Record: </span>
      {formatReliability(reliability)}
      {isNew && <span className="sr-only"> (fewer than 3 interviews)</span>}
    </p>
  );
}

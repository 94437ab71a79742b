import { useId } from 'react';
import { useHeldTicket } from './queries';
import { QuickMatchForm } from './QuickMatchForm';
import { QuickMatchWaiting } from './QuickMatchWaiting';
import { describeEnd } from './ticket';

/** The "Quick match" region of Find Match: the criteria, or the waiting panel while a ticket waits. */
export function QuickMatch({ disabledReason }: { disabledReason: string | null }) {
  const held = useHeldTicket();
  const titleId = useId();
  const waiting = held?.ticket.status === 'waiting' ? held : null;
  const ended = held && !waiting ? describeEnd(held.ticket) : null;
  return (
    <section className="card quick-match" aria-labelledby={titleId}>
      <h2 id={titleId}>Quick match</h2>
      {waiting ? (
        <QuickMatchWaiting held={waiting} />
      ) : (
        <>
          {ended && (
            <p className="notice" role="status" data-testid="quick-match-ended">
              {ended}
            </p>
          )}
          <QuickMatchForm disabledReason={disabledReason} />
        </>
      )}
    </section>
  );
}

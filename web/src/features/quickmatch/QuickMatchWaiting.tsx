import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { levelLabel } from '../../components/PersonSummary';
import { ApiError, api } from '../../lib/api';
import { formatCountdown, formatElapsed, speakCountdown, useMonotonicNow } from '../../lib/countdown';
import { describeError } from '../../lib/errors';
import { storeTicket } from './queries';
import { describeEnd, describeSearch, expiryOf, nextRelaxationIn, tierAt, waitedAt, type HeldTicket } from './ticket';

/** The waiting panel: the wait by the server's count, whom the queue looks for now, Cancel. */
export function QuickMatchWaiting({ held }: { held: HeldTicket }) {
  const qc = useQueryClient();
  const now = useMonotonicNow(250);
  const [cancelling, setCancelling] = useState(false);
  const { criteria } = held.ticket;
  const waited = waitedAt(held, now) ?? 0;
  const expiry = expiryOf(held);
  const left = expiry == null ? null : Math.max(0, expiry - now);
  const tier = tierAt(waited);
  const widen = nextRelaxationIn(waited);

  async function cancel() {
    setCancelling(true);
    try {
      const { ticket } = await api.leaveQueue();
      storeTicket(qc, ticket);
      toast.info(describeEnd(ticket) ?? 'You left the quick-match queue.', { id: `ticket:${ticket.id}:${ticket.status}` });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') storeTicket(qc, null);
      else toast.error(describeError(e));
    } finally {
      setCancelling(false);
    }
  }

  const given = [
    criteria.topics.length ? criteria.topics.join(', ') : null,
    criteria.level ? levelLabel(criteria.level) : null,
    criteria.category,
  ].filter(Boolean);

  return (
    <div className="waiting quick-waiting">
      <div className="pulse" aria-hidden="true">
        <span className="avatar avatar-lg">?</span>
      </div>
      <h3>Looking for a partner…</h3>
      <p className="countdown big">
        <span className="sr-only">Waiting for </span>
        <time data-testid="quick-match-elapsed">{formatElapsed(waited)}</time>
      </p>
      <p className="muted">{given.length ? `You asked for: ${given.join(' · ')}` : 'You asked for anyone.'}</p>
      <p role="status" data-testid="quick-match-criteria">
        Now looking for {describeSearch(criteria, tier)}.
      </p>
      <p className="muted small">
        {widen != null ? (
          <>The criteria widen in {formatCountdown(widen)}. </>
        ) : (
          <>Anyone who is waiting can be paired with you now. </>
        )}
        {left != null && (
          <>
            The search stops in <span aria-hidden="true">{formatCountdown(left)}</span>
            <span className="sr-only">{speakCountdown(left)}</span>.
          </>
        )}
      </p>
      <button type="button" className="btn btn-danger" onClick={cancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel quick match'}
      </button>
    </div>
  );
}

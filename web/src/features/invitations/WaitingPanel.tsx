import { useState } from 'react';
import { Avatar } from '../../components/PersonSummary';
import { formatCountdown, speakCountdown, useRemaining } from '../../lib/countdown';
import type { OutgoingInvitation } from './state';

interface Props {
  outgoing: OutgoingInvitation;
  onCancel: () => Promise<void>;
}

/** The inviter's waiting screen: who, the server's countdown, and a way to cancel. */
export function WaitingPanel({ outgoing, onCancel }: Props) {
  const remaining = useRemaining(outgoing.deadline);
  const [cancelling, setCancelling] = useState(false);
  const name = outgoing.invitee?.name ?? outgoing.interview.invitee.name;
  const total = outgoing.interview.expiresInMs ?? null;
  const seconds = remaining == null ? null : Math.ceil(remaining / 1000);

  return (
    <section className="card waiting" aria-labelledby="waiting-title">
      <div className="pulse" aria-hidden="true">
        <Avatar name={name} size="lg" />
      </div>
      <h2 id="waiting-title">Waiting for {name} to answer…</h2>
      {outgoing.inviteeOnline === false && (
        <p className="muted">
          {name} is offline right now. They will see your invitation as soon as they come online, while it lasts.
        </p>
      )}
      <p className="countdown big">
        <span className="sr-only">Time left: {speakCountdown(remaining)}</span>
        <time data-testid="waiting-time-left" aria-hidden="true">
          {formatCountdown(remaining)}
        </time>
      </p>
      {total != null && remaining != null && (
        <progress className="countdown-bar" max={total} value={remaining} aria-hidden="true" />
      )}
      {/* Announce only at a few moments, not every second. */}
      <p className="sr-only" role="status">
        {seconds === 30 ? '30 seconds left' : seconds === 10 ? '10 seconds left' : ''}
      </p>
      <h3 className="section-title">Questions</h3>
      <ol className="question-list compact">
        {outgoing.interview.questions.map((q) => (
          <li key={q.id}>{q.title}</li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-danger"
        disabled={cancelling}
        onClick={async () => {
          setCancelling(true);
          try {
            await onCancel();
          } finally {
            setCancelling(false);
          }
        }}
      >
        {cancelling ? 'Cancelling…' : 'Cancel invitation'}
      </button>
    </section>
  );
}

import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { Avatar, roleLine, TopicList } from '../../components/PersonSummary';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { ReliabilityLine } from '../../components/ReliabilityLine';
import { TrustMenu } from '../trust/TrustMenu';
import { formatCountdown, speakCountdown, useRemaining } from '../../lib/countdown';
import type { IncomingInvitation } from './state';

interface Props {
  invitation: IncomingInvitation;
  queueLength: number;
  onAccept: () => Promise<void>;
  onDecline: () => Promise<void>;
  onLater: () => void;
}

export function IncomingInvitationDialog({ invitation, queueLength, onAccept, onDecline, onLater }: Props) {
  const { interview, from } = invitation;
  const remaining = useRemaining(invitation.deadline);
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null);
  const lifetime = interview.expiresInMs ?? null;
  const fraction = remaining != null && lifetime ? Math.min(1, remaining / Math.max(lifetime, remaining, 1)) : null;

  async function run(kind: 'accept' | 'decline') {
    setBusy(kind);
    try {
      await (kind === 'accept' ? onAccept() : onDecline());
    } finally {
      setBusy(null);
    }
  }

  return (
    <Modal
      title={`Interview invitation from ${from.name}`}
      onClose={onLater}
      className="invitation-dialog"
      initialFocus="[data-autofocus]"
      describedBy="invitation-summary"
    >
      {queueLength > 1 && <p className="muted">1 of {queueLength} pending invitations</p>}
      <div className="person">
        <Avatar name={from.name} size="lg" />
        <div>
          <p className="person-name">{from.name}</p>
          {from.profile.headline && <p className="muted">{from.profile.headline}</p>}
          <p id="invitation-summary">
            {roleLine(from.profile)}
            {typeof from.matchScore === 'number' && <> · {from.matchScore}% match</>}
          </p>
          <TopicList topics={from.profile.topics} />
          <ReliabilityLine reliability={from.reliability} />
        </div>
      </div>
      <TrustMenu user={{ id: from.id, name: from.name }} />

      <h3 className="section-title">Questions ({interview.questions.length})</h3>
      <ol className="question-list compact">
        {interview.questions.map((q) => (
          <li key={q.id}>
            <span>{q.title}</span> <DifficultyBadge difficulty={q.difficulty} />{' '}
            <span className="muted small">{q.category}</span>
          </li>
        ))}
      </ol>

      <div className="countdown" aria-live="off">
        <span>Time left to answer: </span>
        <time className="countdown-value" aria-hidden="true" data-testid="invitation-time-left">
          {formatCountdown(remaining)}
        </time>
        <span className="sr-only">{speakCountdown(remaining)}</span>
        {fraction != null && (
          <progress className="countdown-bar" max={1} value={fraction} aria-hidden="true" />
        )}
      </div>

      <div className="modal-actions">
        <button type="button" className="btn" onClick={() => run('decline')} disabled={busy !== null}>
          {busy === 'decline' ? 'Declining…' : 'Decline'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onLater} disabled={busy !== null}>
          Later
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-autofocus
          onClick={() => run('accept')}
          disabled={busy !== null}
        >
          {busy === 'accept' ? 'Joining…' : 'Accept & Start'}
        </button>
      </div>
    </Modal>
  );
}

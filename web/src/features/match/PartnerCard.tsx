import { useId } from 'react';
import { Avatar, roleLine, TopicList } from '../../components/PersonSummary';
import { ReliabilityLine } from '../../components/ReliabilityLine';
import { TrustMenu } from '../trust/TrustMenu';
import type { Partner } from '../../types';
import { STATUS_LABEL, type LiveStatus } from './presence';

interface Props {
  partner: Partner;
  status: LiveStatus;
  /** Why inviting is not possible right now, or null. */
  blockedReason: string | null;
  onInvite: () => void;
  onSchedule: () => void;
}

export function PartnerCard({ partner, status, blockedReason, onInvite, onSchedule }: Props) {
  const nameId = useId();
  const reasonId = useId();
  const busy = status === 'busy' || status === 'unavailable';
  const disabledReason = blockedReason ?? (busy ? `${partner.name} is ${STATUS_LABEL[status].toLowerCase()}.` : null);
  return (
    <article className="card partner-card" aria-labelledby={nameId} data-user-id={partner.id}>
      <header className="partner-head">
        <Avatar name={partner.name} />
        <div className="partner-ident">
          <h3 id={nameId} className="partner-name">
            {partner.name}
          </h3>
          <p className="muted">{roleLine(partner.profile)}</p>
        </div>
        <p className="match-score">
          <span className="sr-only">Match score: </span>
          <strong>{partner.matchScore}</strong>
          <span>% match</span>
        </p>
      </header>
      {partner.profile.headline && <p className="partner-headline">{partner.profile.headline}</p>}
      <TopicList topics={partner.profile.topics} />
      <ReliabilityLine reliability={partner.reliability} />
      <footer className="partner-foot">
        <p className={`presence presence-${status}`} data-testid="presence">
          <span className="dot" aria-hidden="true" />
          {STATUS_LABEL[status]}
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={onInvite}
          disabled={disabledReason !== null}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          Send Interview Invitation
        </button>
        <button
          type="button"
          className="btn"
          onClick={onSchedule}
          disabled={status === 'unavailable'}
          aria-describedby={status === 'unavailable' ? reasonId : undefined}
        >
          Schedule<span className="sr-only"> an interview with {partner.name}</span>
        </button>
      </footer>
      {disabledReason && (
        <p id={reasonId} className="muted small">
          {disabledReason}
        </p>
      )}
      <TrustMenu user={{ id: partner.id, name: partner.name }} />
    </article>
  );
}

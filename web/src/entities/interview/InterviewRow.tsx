import { Link } from 'react-router';
import type { Interview } from '../../types';
import { historyPath, isLive, myRole, partnerOf, roomPath } from './model';
import { outcomeOf } from './outcome';

export function InterviewRow({ interview, meId }: { interview: Interview; meId: string }) {
  const o = outcomeOf(interview, meId);
  const partner = partnerOf(interview, meId);
  const when = new Date(interview.startedAt ?? interview.createdAt);
  const href = isLive(interview.status) ? roomPath(interview.roomId) : historyPath(interview.roomId);
  return (
    <li className="interview-row">
      <div className="interview-main">
        <Link to={href} className="interview-title">
          {partner.name}
        </Link>
        <span className="muted small">
          {myRole(interview, meId) === 'interviewer' ? 'You invited (interviewer)' : 'Invited you (candidate)'} ·{' '}
          <time dateTime={when.toISOString()}>{when.toLocaleString()}</time> · {interview.questions.length} question
          {interview.questions.length === 1 ? '' : 's'}
        </span>
      </div>
      <span className={`pill pill-${o.tone}`} title={o.detail}>
        {o.label}
      </span>
      <span className="sr-only">{o.detail}</span>
    </li>
  );
}

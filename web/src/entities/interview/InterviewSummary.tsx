import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Interview, InterviewOrigin } from '../../types';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { myRole, partnerOf } from './model';
import { durationOf, outcomeOf } from './outcome';

const ORIGIN_LABELS: Record<InterviewOrigin, string> = {
  invitation: 'Invitation',
  match: 'Quick match',
  schedule: 'Schedule',
};

/**
 * An interview that is over (or never happened): outcome, role, times and
 * questions. `children` are the sections that follow the questions (feedback;
 * what the features that keep more of an interview add).
 */
export function InterviewSummary({
  interview,
  meId,
  headingLevel = 1,
  children,
}: {
  interview: Interview;
  meId: string;
  headingLevel?: 1 | 2;
  children?: ReactNode;
}) {
  const o = outcomeOf(interview, meId);
  const partner = partnerOf(interview, meId);
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const duration = durationOf(interview);
  return (
    <div className="summary">
      <H>Interview with {partner.name}</H>
      <p className={`outcome outcome-${o.tone}`} data-testid="outcome">
        <span className="outcome-label">{o.label}</span> {o.detail}
      </p>
      <dl className="facts">
        <div>
          <dt>Your role</dt>
          <dd>
            {(interview.rounds ?? []).length > 1
              ? 'Interviewer and candidate (you switched roles)'
              : myRole(interview, meId) === 'interviewer'
                ? 'Interviewer'
                : 'Candidate'}
          </dd>
        </div>
        {interview.origin && (
          <div>
            <dt>Arranged by</dt>
            <dd>{ORIGIN_LABELS[interview.origin] ?? interview.origin}</dd>
          </div>
        )}
        <div>
          <dt>Invited</dt>
          <dd>{new Date(interview.createdAt).toLocaleString()}</dd>
        </div>
        {duration && (
          <div>
            <dt>Duration</dt>
            <dd>{duration}</dd>
          </div>
        )}
      </dl>
      <h2 className="section-title">Questions</h2>
      <ol className="question-list">
        {interview.questions.map((q) => (
          <li key={q.id}>
            {q.title} <DifficultyBadge difficulty={q.difficulty} />
          </li>
        ))}
      </ol>
      {children}
      <p>
        <Link to="/history">All interviews</Link> · <Link to="/find-match">Find another partner</Link>
      </p>
    </div>
  );
}

import { Link } from 'react-router';
import type { Feedback, Interview } from '../../types';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { FeedbackForm } from '../interview/FeedbackForm';
import { acceptsFeedback, durationOf, myRole, outcomeOf, partnerOf } from './outcome';

const RUBRIC_LABELS: Record<string, string> = {
  problemSolving: 'Problem solving',
  communication: 'Communication',
  codeQuality: 'Code quality',
};

export function FeedbackList({ feedback, meId }: { feedback: Feedback[]; meId: string }) {
  if (feedback.length === 0) return <p className="muted">No feedback yet.</p>;
  return (
    <ul className="feedback-list">
      {feedback.map((f) => (
        <li key={f.id} className="card feedback-item">
          <p>
            <strong>{f.from.id === meId ? 'Your feedback' : `From ${f.from.name}`}</strong>{' '}
            <span className="rating-stars" aria-label={`Rating ${f.rating} out of 5`}>
              {'★'.repeat(f.rating)}
              {'☆'.repeat(5 - f.rating)}
            </span>
          </p>
          <dl className="rubric-scores">
            {Object.entries(f.rubric ?? {}).map(([k, v]) => (
              <div key={k}>
                <dt>{RUBRIC_LABELS[k] ?? k}</dt>
                <dd>{v == null ? 'Not rated' : `${v}/5`}</dd>
              </div>
            ))}
          </dl>
          {f.comments && <p className="feedback-comments">{f.comments}</p>}
        </li>
      ))}
    </ul>
  );
}

/** An interview that is over (or never happened): outcome, questions, feedback, and the form. */
export function InterviewSummary({
  interview,
  feedback,
  meId,
  headingLevel = 1,
}: {
  interview: Interview;
  feedback: Feedback[];
  meId: string;
  headingLevel?: 1 | 2;
}) {
  const o = outcomeOf(interview, meId);
  const partner = partnerOf(interview, meId);
  const given = feedback.some((f) => f.from.id === meId);
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
          <dd>{myRole(interview, meId) === 'interviewer' ? 'Interviewer' : 'Candidate'}</dd>
        </div>
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
      {acceptsFeedback(interview.status) && (
        <>
          <h2 className="section-title">Feedback</h2>
          <FeedbackList feedback={feedback} meId={meId} />
          {!given && <FeedbackForm roomId={interview.roomId} partnerName={partner.name} />}
        </>
      )}
      <p>
        <Link to="/history">All interviews</Link> · <Link to="/find-match">Find another partner</Link>
      </p>
    </div>
  );
}

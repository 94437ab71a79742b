import type { Feedback } from '../../types';

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

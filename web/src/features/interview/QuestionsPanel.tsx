import { DifficultyBadge } from '../../components/DifficultyBadge';
import type { Interview, Question } from '../../types';

function hintsOf(q: Question): string[] {
  if (!q.hints) return [];
  return Array.isArray(q.hints) ? q.hints.filter(Boolean) : [q.hints];
}

/** The interview's questions; hints only for the interviewer (the inviter). */
export function QuestionsPanel({ interview, showHints }: { interview: Interview; showHints: boolean }) {
  return (
    <section className="questions-panel card" aria-labelledby="questions-title">
      <h2 id="questions-title">Questions</h2>
      <ol className="room-questions">
        {interview.questions.map((q) => {
          const hints = showHints ? hintsOf(q) : [];
          return (
            <li key={q.id}>
              <h3>
                {q.title} <DifficultyBadge difficulty={q.difficulty} />
              </h3>
              <p className="muted small">{q.category}</p>
              <p className="question-body">{q.body}</p>
              {hints.length > 0 && (
                <details className="hints">
                  <summary>Hints for the interviewer</summary>
                  <ul>
                    {hints.map((h, i) => (
                      <li key={i}>{h}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { api } from '../../lib/api';
import type { Interview, Question } from '../../types';

/** Hints carried by the question itself, merged with those from GET /api/interviews/:roomId/hints. */
export function hintsFor(q: Question, served: Record<string, string[]> | undefined): string[] {
  const own = !q.hints ? [] : Array.isArray(q.hints) ? q.hints : [q.hints];
  const extra = served?.[q.id] ?? [];
  return Array.from(new Set([...own, ...extra].filter(Boolean)));
}

/** The interview's questions; hints only for the interviewer (the inviter). */
export function QuestionsPanel({ interview, showHints }: { interview: Interview; showHints: boolean }) {
  const hints = useQuery({
    queryKey: ['hints', interview.roomId],
    queryFn: () => api.hints(interview.roomId),
    enabled: showHints,
    staleTime: Infinity,
    retry: false,
  });
  return (
    <section className="questions-panel card" aria-labelledby="questions-title">
      <h2 id="questions-title">Questions</h2>
      <ol className="room-questions">
        {interview.questions.map((q) => {
          const list = showHints ? hintsFor(q, hints.data?.hints) : [];
          return (
            <li key={q.id}>
              <h3>
                {q.title} <DifficultyBadge difficulty={q.difficulty} />
              </h3>
              <p className="muted small">{q.category}</p>
              <p className="question-body">{q.body}</p>
              {list.length > 0 && (
                <details className="hints">
                  <summary>Hints for the interviewer</summary>
                  <ul>
                    {list.map((h, i) => (
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

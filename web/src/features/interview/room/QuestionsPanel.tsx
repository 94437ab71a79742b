import { useQuery } from '@tanstack/react-query';
import { DifficultyBadge } from '../../../components/DifficultyBadge';
import { api } from '../../../lib/api';
import { hintsFor } from './hints';
import type { RoomPanelProps } from '../../../entities/interview/room';

/** The interview's questions; hints only for the interviewer. */
export function QuestionsPanel({ interview, role }: RoomPanelProps) {
  const showHints = role === 'interviewer';
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

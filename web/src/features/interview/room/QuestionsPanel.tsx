import { useQuery } from '@tanstack/react-query';
import { DifficultyBadge } from '../../../components/DifficultyBadge';
import { currentQuestions, currentRound } from '../../../entities/interview/model';
import { api } from '../../../lib/api';
import { hintsFor } from './hints';
import type { RoomPanelProps } from '../../../entities/interview/room';

/** The current round's questions; hints only for its interviewer (they follow the round). */
export function QuestionsPanel({ interview, role }: RoomPanelProps) {
  const showHints = role === 'interviewer';
  const roundNumber = currentRound(interview)?.number ?? 1;
  const hints = useQuery({
    queryKey: ['hints', interview.roomId, roundNumber],
    queryFn: () => api.hints(interview.roomId),
    enabled: showHints,
    staleTime: Infinity,
    retry: false,
  });
  return (
    <section className="questions-panel card" aria-labelledby="questions-title">
      <h2 id="questions-title">Questions</h2>
      <ol className="room-questions">
        {currentQuestions(interview).map((q) => {
          const list = showHints ? hintsFor(q, hints.data?.hints) : [];
          return (
            <li key={q.id}>
              <h3>
                {q.title} <DifficultyBadge difficulty={q.difficulty} />
              </h3>
              <p className="muted small">{q.category}</p>
              <p className="question-body">{q.body}</p>
              {!!q.tests?.length && (
                <details className="examples">
                  <summary>Examples ({q.tests.length})</summary>
                  <dl>
                    {q.tests.map((t, i) => (
                      <div key={i} className="example">
                        <dt>{t.name}</dt>
                        <dd>
                          <span className="run-label">Input</span>
                          <pre className="run-pre">{t.input}</pre>
                          <span className="run-label">Expected output</span>
                          <pre className="run-pre">{t.expectedOutput}</pre>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
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

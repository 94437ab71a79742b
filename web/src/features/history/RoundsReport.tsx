// What each round of an interview left: who interviewed, the questions, the
// final code (read-only editor, loaded lazily), and its runs.
import { lazy, Suspense } from 'react';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { describeError } from '../../lib/errors';
import { LANGUAGE_LABELS } from '../../lib/languages';
import type { Interview, Round, Workspace } from '../../types';
import { useRuns } from '../runs/queries';
import { RunHistory } from '../runs/RunHistory';

const CodeView = lazy(() => import('../workspace/CodeView'));

/** The rounds to report: those the interview had, else one per document kept. */
function roundsOf(interview: Interview, workspaces: Workspace[]): Array<{ number: number; round: Round | null }> {
  const rounds = interview.rounds ?? [];
  if (rounds.length) return rounds.map((r) => ({ number: r.number, round: r }));
  return workspaces.map((w) => ({ number: w.round, round: null }));
}

export function RoundsReport({ interview, workspaces, meId }: { interview: Interview; workspaces: Workspace[]; meId: string }) {
  const runs = useRuns(interview.roomId, { live: false });
  const rounds = roundsOf(interview, workspaces);
  if (!rounds.length) return null;
  const who = (id: string, name: string) => (id === meId ? 'you' : name);
  return (
    <section className="rounds-report" role="region" aria-label="Rounds">
      <h2 className="section-title">Rounds</h2>
      {runs.isError && <p role="alert">The runs could not be loaded: {describeError(runs.error)}</p>}
      {rounds.map(({ number, round }) => {
        const ws = workspaces.find((w) => w.round === number);
        return (
          <section key={number} className="round-section" role="region" aria-label={`Round ${number}`}>
            <h3>Round {number}</h3>
            {round && (
              <>
                <p className="muted small">
                  Interviewer: {who(round.interviewer.id, round.interviewer.name)} · candidate:{' '}
                  {who(round.candidate.id, round.candidate.name)}
                </p>
                <ol className="question-list compact">
                  {round.questions.map((q) => (
                    <li key={q.id}>
                      {q.title} <DifficultyBadge difficulty={q.difficulty} />
                    </li>
                  ))}
                </ol>
              </>
            )}
            <h4 className="run-label">Final code{ws ? ` (${LANGUAGE_LABELS[ws.language] ?? ws.language})` : ''}</h4>
            {ws && ws.doc ? (
              <Suspense fallback={<pre className="run-pre">{ws.doc}</pre>}>
                <CodeView doc={ws.doc} language={ws.language} label={`Final code, round ${number}`} />
              </Suspense>
            ) : (
              <p className="muted small">No code was written in this round.</p>
            )}
            <h4 className="run-label">Runs</h4>
            {runs.isPending ? (
              <p role="status">Loading the runs…</p>
            ) : (
              <RunHistory runs={(runs.data?.runs ?? []).filter((r) => r.round === number)} />
            )}
          </section>
        );
      })}
    </section>
  );
}

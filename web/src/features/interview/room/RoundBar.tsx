// Who interviews now, the round's time against the plan (the server's
// elapsedMs ticked on locally), and "Switch roles" for round 1's candidate,
// who picks round 2's questions in the same picker as Find Match.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { currentRound, MAX_ROUNDS, maySwitchRoles } from '../../../entities/interview/model';
import { storeInterview } from '../../../entities/interview/queries';
import type { RoomPanelProps } from '../../../entities/interview/room';
import { QuestionPicker } from '../../../entities/question/QuestionPicker';
import { elapsedFrom, formatElapsed, receivedAt, useMonotonicNow } from '../../../lib/countdown';
import { emitRequest } from '../../../lib/socket';
import type { Round } from '../../../types';

/** "You interview now; Bob is the candidate." */
export function rolesSentence(round: Round, meId: string): string {
  const interviewer = round.interviewer.id === meId ? 'You interview' : `${round.interviewer.name} interviews`;
  const candidate = round.candidate.id === meId ? 'you are' : `${round.candidate.name} is`;
  return `${interviewer} now; ${candidate} the candidate.`;
}

function RoundClock({ round }: { round: Round }) {
  const now = useMonotonicNow(1000);
  const elapsed = elapsedFrom(round.elapsedMs, receivedAt(round), now);
  const planned = round.plannedMinutes * 60_000;
  if (elapsed == null) return null;
  const over = elapsed > planned;
  return (
    <p className={`round-clock${over ? ' round-over' : ''}`} data-testid="round-timer">
      <span className="sr-only">Round time: </span>
      <time>{formatElapsed(elapsed)}</time> <span className="muted">of {formatElapsed(planned)}</span>
      {over && <span className="small"> (over the planned time)</span>}
    </p>
  );
}

export function RoundBar({ interview, meId }: RoomPanelProps) {
  const qc = useQueryClient();
  const [picking, setPicking] = useState(false);
  const round = currentRound(interview);
  const next = (round?.number ?? 0) + 1;

  async function startRound(questionIds: string[]) {
    const { interview: iv } = await emitRequest('start-round', { roomId: interview.roomId, questionIds });
    storeInterview(qc, iv);
    setPicking(false);
  }

  return (
    <section className="round-bar card" role="region" aria-label="Round">
      {round ? (
        <>
          <p className="round-title">
            <strong>
              Round {round.number} of {MAX_ROUNDS}
            </strong>{' '}
            <span role="status">{rolesSentence(round, meId)}</span>
          </p>
          <RoundClock round={round} />
        </>
      ) : (
        <p className="round-title muted" role="status">
          Round 1 starts when you are both in the room.
        </p>
      )}
      {maySwitchRoles(interview, meId) && (
        <button type="button" className="btn btn-accent btn-small" onClick={() => setPicking(true)}>
          Switch roles
        </button>
      )}
      {picking && (
        <QuestionPicker
          title={`Choose the questions for round ${next}`}
          sendLabel={`Start round ${next}`}
          sendingLabel="Starting…"
          onClose={() => setPicking(false)}
          onSend={startRound}
        />
      )}
    </section>
  );
}

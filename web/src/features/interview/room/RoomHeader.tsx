import { formatElapsed, useNow } from '../../../lib/countdown';
import type { Interview } from '../../../types';
import type { InterviewRole } from '../../../entities/interview/model';

export function RoomHeader({
  interview,
  partnerName,
  role,
  audioOnly,
}: {
  interview: Interview;
  partnerName: string;
  role: InterviewRole;
  audioOnly: boolean;
}) {
  const now = useNow(1000);
  const startedAt = interview.startedAt ? Date.parse(interview.startedAt) : null;
  return (
    <header className="room-head">
      <div>
        <h1>Interview with {partnerName}</h1>
        <p className="muted">
          You are the {role === 'interviewer' ? 'interviewer' : 'candidate'}
          {audioOnly ? ' · audio only' : ''}
        </p>
      </div>
      <p className="timer" data-testid="interview-timer">
        {startedAt != null && interview.status === 'in_progress' ? (
          <>
            <span className="sr-only">Interview time: </span>
            <time>{formatElapsed(now - startedAt)}</time>
          </>
        ) : (
          <span className="muted">Not started</span>
        )}
      </p>
    </header>
  );
}
